import { Config, readDurationFromConfig } from '@backstage/config';

const KEY = 'readiness.pagerduty';

/** The REST API of PagerDuty's US service region. */
export const DEFAULT_BASE_URL = 'https://api.pagerduty.com';

/** `readiness.pagerduty`, read and checked. @internal */
export interface PagerDutyConfig {
  /** Without a trailing slash. */
  baseUrl: string;
  /** A secret: never log it nor put it in a message. */
  token: string;
  concurrency: number;
  timeoutMs: number;
  maxPages: number;
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
 * The PagerDuty collector's settings, or `undefined` when
 * `readiness.pagerduty.token` is not set (the collector is off). Mistakes
 * throw, naming the key but never the token, so that the backend does not
 * start half configured.
 *
 * @internal
 */
export function readPagerDutyConfig(root: Config): PagerDutyConfig | undefined {
  const config = root.getOptionalConfig(KEY);
  // Read without a type so that a wrong one is reported by the key alone.
  const token = config?.getOptional('token');
  if (token === undefined || token === null || token === '') {
    return undefined;
  }
  if (typeof token !== 'string') {
    throw new Error(`${KEY}.token must be a string`);
  }
  if (token.trim() === '') {
    return undefined;
  }

  const baseUrl = (config!.getOptionalString('baseUrl') ?? DEFAULT_BASE_URL)
    .trim()
    .replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`${KEY}.baseUrl must be a URL, not "${baseUrl}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${KEY}.baseUrl must be an http or https URL`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new Error(
      `${KEY}.baseUrl must have no credentials, query or fragment; the token goes in ${KEY}.token`,
    );
  }

  const timeoutMs = config!.has('timeout')
    ? durationToMs(readDurationFromConfig(config!, { key: 'timeout' }))
    : 10_000;
  if (!(timeoutMs > 0)) {
    throw new Error(`${KEY}.timeout must be longer than zero`);
  }

  return {
    baseUrl,
    token: token.trim(),
    concurrency: readWholeNumber(config!, 'concurrency', 4, 1, 64),
    timeoutMs,
    // PagerDuty's classic pagination stops at an offset of 10,000.
    maxPages: readWholeNumber(config!, 'maxPages', 10, 1, 100),
  };
}
