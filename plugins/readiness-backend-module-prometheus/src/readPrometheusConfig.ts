import type { Config } from '@backstage/config';
import {
  readBoundedInteger,
  readHttpClientSettings,
} from '@readiness/plugin-readiness-node';
import {
  DEFAULT_SELECTOR_TEMPLATE,
  validateSelectorTemplate,
} from './entitySelector';
import { hasSelectorPlaceholder } from './PrometheusCollector';
import {
  DEFAULT_MAX_RULE_PAGES,
  DEFAULT_PROMETHEUS_MAX_RESPONSE_BYTES,
} from './PrometheusClient';

const KEY = 'readiness.prometheus';
const DEFAULT_RETRIES = 2;

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
  maxResponseBytes: number;
  maxRulePages: number;
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

  return {
    baseUrl,
    headers,
    selector,
    errorRateQuery: query('errorRateQuery', DEFAULT_ERROR_RATE_QUERY),
    latencyP99Query: query('latencyP99Query', DEFAULT_LATENCY_P99_QUERY),
    ...readHttpClientSettings(config, {
      prefix: KEY,
      defaults: {
        retries: DEFAULT_RETRIES,
        maxResponseBytes: DEFAULT_PROMETHEUS_MAX_RESPONSE_BYTES,
      },
    }),
    maxRulePages: readBoundedInteger(config, 'maxRulePages', {
      min: 1,
      max: 1000,
      default: DEFAULT_MAX_RULE_PAGES,
      prefix: KEY,
    }),
  };
}
