import { Config, readDurationFromConfig } from '@backstage/config';
import {
  DEFAULT_SELECTOR_TEMPLATE,
  validateSelectorTemplate,
} from './entitySelector';
import { hasSelectorPlaceholder } from './PrometheusCollector';

const KEY = 'readiness.prometheus';

/** The share of 5xx responses over 5 minutes; 0 when there are none. */
export const DEFAULT_ERROR_RATE_QUERY =
  '(sum(rate(http_requests_total{ {{selector}}, code=~"5.." }[5m])) or vector(0))' +
  ' / sum(rate(http_requests_total{ {{selector}} }[5m]))';

/** The 99th percentile of request durations over 5 minutes. */
export const DEFAULT_LATENCY_P99_QUERY =
  'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{ {{selector}} }[5m])))';

/** `readiness.prometheus`, read and checked. @internal */
export interface PrometheusConfig {
  baseUrl: string;
  /** Header values are secrets: never log them. */
  headers: Record<string, string>;
  selector: string;
  errorRateQuery: string;
  latencyP99Query: string;
  concurrency: number;
  timeoutMs: number;
  retries: number;
}

type Duration = ReturnType<typeof readDurationFromConfig>;

function durationToMs(duration: Duration): number {
  const {
    years = 0,
    months = 0,
    weeks = 0,
    days = 0,
    hours = 0,
    minutes = 0,
    seconds = 0,
    milliseconds = 0,
  } = duration;
  const totalDays = years * 365 + months * 30 + weeks * 7 + days;
  return (
    ((totalDays * 24 + hours) * 60 + minutes) * 60_000 +
    seconds * 1000 +
    milliseconds
  );
}

function readWholeNumber(
  config: Config,
  key: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(
      `${KEY}.${key} must be a whole number from ${min} to ${max}, not ${value}`,
    );
  }
  return value;
}

/**
 * The Prometheus collector's settings, or `undefined` when
 * `readiness.prometheus` is not configured (the collector is off). Mistakes
 * throw, naming the key, so that the backend does not start half
 * configured.
 *
 * @internal
 */
export function readPrometheusConfig(
  root: Config,
): PrometheusConfig | undefined {
  const config = root.getOptionalConfig(KEY);
  if (!config) {
    return undefined;
  }

  const baseUrl = config.getString('baseUrl');
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`${KEY}.baseUrl must be a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${KEY}.baseUrl must be an http or https URL`);
  }

  const headersConfig = config.getOptionalConfig('headers');
  const headers: Record<string, string> = {};
  for (const name of headersConfig?.keys() ?? []) {
    // The value is a secret: a wrong type is reported by the key alone.
    const value = headersConfig!.getOptional(name);
    if (typeof value !== 'string') {
      throw new Error(`${KEY}.headers.${name} must be a string`);
    }
    headers[name] = value;
  }

  const selector =
    config.getOptionalString('selector') ?? DEFAULT_SELECTOR_TEMPLATE;
  try {
    validateSelectorTemplate(selector);
  } catch (error) {
    throw new Error(
      `${KEY}.selector "${selector}" ${(error as Error).message}`,
    );
  }

  const query = (key: string, fallback: string) => {
    const value = config.getOptionalString(key) ?? fallback;
    if (!hasSelectorPlaceholder(value)) {
      throw new Error(
        `${KEY}.${key} must contain {{selector}}, where each entity's label matchers go`,
      );
    }
    return value;
  };

  let timeoutMs = 10_000;
  if (config.has('timeout')) {
    try {
      timeoutMs = durationToMs(
        readDurationFromConfig(config, { key: 'timeout' }),
      );
    } catch (error) {
      throw new Error(`${KEY}.timeout: ${(error as Error).message}`);
    }
  }
  if (!(timeoutMs > 0)) {
    throw new Error(`${KEY}.timeout must be longer than zero`);
  }

  return {
    baseUrl,
    headers,
    selector,
    errorRateQuery: query('errorRateQuery', DEFAULT_ERROR_RATE_QUERY),
    latencyP99Query: query('latencyP99Query', DEFAULT_LATENCY_P99_QUERY),
    concurrency: readWholeNumber(config, 'concurrency', 4, 1, 64),
    timeoutMs,
    retries: readWholeNumber(config, 'retries', 2, 0, 10),
  };
}
