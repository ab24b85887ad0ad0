import type { Config } from '@backstage/config';
import { readBoundedInteger, readDurationMs } from '../readConfig';
import { DEFAULT_MAX_RESPONSE_BYTES } from '@readiness/plugin-readiness-common';

const CONCURRENCY = { min: 1, max: 64, default: 4 };
const TIMEOUT_MS = 10_000;
const RETRIES = { min: 0, max: 10 };
const MAX_RESPONSE_BYTES = { min: 1024, max: 1024 * 1024 * 1024 };

/**
 * The settings of an {@link HttpClient} that app-config gives, as
 * `readHttpClientSettings` reads them.
 *
 * @public
 */
export interface HttpClientSettings {
  concurrency: number;
  timeoutMs: number;
  maxResponseBytes: number;
  /** Read only when the caller's defaults have `retries`. */
  retries?: number;
}

/**
 * Where `readHttpClientSettings` reads, and the defaults of a module
 * whose own differ from the suite's.
 *
 * @public
 */
export interface ReadHttpClientSettingsOptions {
  /** The key of the config, e.g. `readiness.github`, so that a message names the full key. */
  prefix?: string;
  defaults?: {
    /** Default 4. */
    concurrency?: number;
    /** Default 10 seconds. */
    timeoutMs?: number;
    /** Default `DEFAULT_MAX_RESPONSE_BYTES` (5 MiB). */
    maxResponseBytes?: number;
    /** The key `retries` is read only when this is given: not every module retries. */
    retries?: number;
  };
}

/**
 * The settings of a collector's {@link HttpClient} in app-config, checked:
 * `concurrency` (1 to 64), `timeout` (a Backstage duration), `retries`
 * (0 to 10, when the module has retries) and `maxResponseBytes` (1 KiB to
 * 1 GiB). A mistake throws, naming the key, so that the backend does not
 * start half configured.
 *
 * @public
 */
export function readHttpClientSettings(
  config: Config,
  options: ReadHttpClientSettingsOptions & {
    defaults: { retries: number };
  },
): Required<HttpClientSettings>;
/**
 * The settings of a collector's {@link HttpClient} in app-config, checked,
 * for a module without retries.
 *
 * @public
 */
export function readHttpClientSettings(
  config: Config,
  options?: ReadHttpClientSettingsOptions,
): HttpClientSettings;
export function readHttpClientSettings(
  config: Config,
  options: ReadHttpClientSettingsOptions = {},
): HttpClientSettings {
  const { prefix, defaults = {} } = options;
  const concurrency = readBoundedInteger(config, 'concurrency', {
    ...CONCURRENCY,
    default: defaults.concurrency ?? CONCURRENCY.default,
    prefix,
  });
  const timeoutMs = readDurationMs(config, 'timeout', {
    default: defaults.timeoutMs ?? TIMEOUT_MS,
    prefix,
  });
  const retries =
    defaults.retries === undefined
      ? undefined
      : readBoundedInteger(config, 'retries', {
          ...RETRIES,
          default: defaults.retries,
          prefix,
        });
  const maxResponseBytes = readBoundedInteger(config, 'maxResponseBytes', {
    ...MAX_RESPONSE_BYTES,
    default: defaults.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    prefix,
  });
  return {
    concurrency,
    timeoutMs,
    ...(retries === undefined ? {} : { retries }),
    maxResponseBytes,
  };
}
