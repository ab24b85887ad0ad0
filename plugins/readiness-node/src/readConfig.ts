import type { RootConfigService } from '@backstage/backend-plugin-api';
import {
  readDurationFromConfig,
  type Config as BackstageConfig,
} from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';

/**
 * Where a value is read: `prefix` is the key of `config` itself in
 * app-config, e.g. `readiness.github` or `readiness.http.collectors[0]`, so
 * that a message names the full key.
 *
 * @public
 */
export interface ReadConfigOptions {
  prefix?: string;
}

function fullKey(key: string, options: ReadConfigOptions): string {
  return options.prefix ? `${options.prefix}.${key}` : key;
}

/**
 * A whole number from `min` to `max`, or `default` when the key is not set
 * (without a default, it is required). A mistake throws, naming the key,
 * e.g. "readiness.github.concurrency must be a whole number from 1 to 64,
 * not 0".
 *
 * @public
 */
export function readBoundedInteger(
  // Any config object: `RootConfigService` is Backstage's `Config`.
  config: Pick<RootConfigService, 'getOptionalNumber'>,
  key: string,
  options: ReadConfigOptions & { min: number; max: number; default?: number },
): number {
  const { min, max } = options;
  const value = config.getOptionalNumber(key) ?? options.default;
  if (value === undefined) {
    throw new Error(`${fullKey(key, options)} is required`);
  }
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(
      `${fullKey(
        key,
        options,
      )} must be a whole number from ${min} to ${max}, not ${value}`,
    );
  }
  return value;
}

/**
 * A duration in milliseconds, written as Backstage writes durations (read
 * by Backstage's `readDurationFromConfig`): a string such as `10s`,
 * `2 minutes` or the ISO 8601 `PT10S`, or an object such as
 * `{ seconds: 10 }` (a month is 30 days). `default` (milliseconds or a
 * duration object) is used when the key is not set (without a default, it
 * is required). It must be longer than zero, or zero or longer with
 * `allowZero`. A mistake throws, naming the key.
 *
 * @public
 */
export function readDurationMs(
  config: BackstageConfig,
  key: string,
  options: ReadConfigOptions & {
    default?: number | HumanDuration;
    allowZero?: boolean;
  } = {},
): number {
  const name = fullKey(key, options);
  const value = config.getOptional(key);
  if (value === undefined) {
    if (options.default === undefined) {
      throw new Error(`${name} is required`);
    }
    return typeof options.default === 'number'
      ? options.default
      : durationToMilliseconds(options.default);
  }
  let ms: number;
  try {
    ms = durationToMilliseconds(readDurationFromConfig(config, { key }));
  } catch (error) {
    throw new Error(
      `${name} is not a duration such as '10s' or { seconds: 10 }: ${
        (error as Error).message
      }`,
    );
  }
  if (options.allowZero ? !(ms >= 0) : !(ms > 0)) {
    throw new Error(
      `${name} must be ${
        options.allowZero ? 'zero or longer' : 'longer than zero'
      }`,
    );
  }
  return ms;
}
