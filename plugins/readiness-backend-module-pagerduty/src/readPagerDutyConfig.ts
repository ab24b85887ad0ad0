import type { Config } from '@backstage/config';
import {
  readBoundedInteger,
  readHttpClientSettings,
} from '@readiness/plugin-readiness-node';

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
  maxResponseBytes: number;
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

  return {
    baseUrl,
    token: token.trim(),
    ...readHttpClientSettings(config!, { prefix: KEY }),
    // PagerDuty's classic pagination stops at an offset of 10,000.
    maxPages: readBoundedInteger(config!, 'maxPages', {
      min: 1,
      max: 100,
      default: 10,
      prefix: KEY,
    }),
  };
}
