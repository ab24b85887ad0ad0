import type { RootConfigService } from '@backstage/backend-plugin-api';

/** Any config object: `RootConfigService` is Backstage's `Config`. */
type Config = Pick<
  RootConfigService,
  'getOptional' | 'getOptionalNumber' | 'getConfig' | 'keys'
>;

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
 * e.g. `readiness.github.concurrency must be a whole number from 1 to 64,
 * not 0`.
 *
 * @public
 */
export function readBoundedInteger(
  config: Config,
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

const MS_PER_UNIT: Record<string, number> = {
  milliseconds: 1,
  seconds: 1000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
  weeks: 7 * 86_400_000,
  months: 30 * 86_400_000,
  years: 365 * 86_400_000,
};

/** The units of `10s`, `2 minutes`, `1.5h`, … as the `ms` package reads them. */
const SHORT_UNITS: Array<[RegExp, string]> = [
  [/^(milliseconds?|msecs?|ms)$/, 'milliseconds'],
  [/^(seconds?|secs?|s)$/, 'seconds'],
  [/^(minutes?|mins?|m)$/, 'minutes'],
  [/^(hours?|hrs?|h)$/, 'hours'],
  [/^(days?|d)$/, 'days'],
  [/^(weeks?|w)$/, 'weeks'],
  [/^(years?|yrs?|y)$/, 'years'],
];

const ISO_DURATION =
  /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;
const ISO_UNITS = [
  'years',
  'months',
  'weeks',
  'days',
  'hours',
  'minutes',
  'seconds',
];

function parseDurationString(text: string): number {
  const value = text.trim();
  if (value.startsWith('P')) {
    const match = ISO_DURATION.exec(value);
    if (!match || match.slice(1).every(part => part === undefined)) {
      throw new Error(
        `'${value}' is not an ISO 8601 duration such as 'PT1M' or 'P2DT6H'`,
      );
    }
    return ISO_UNITS.reduce(
      (ms, unit, i) =>
        ms +
        Number((match[i + 1] ?? '0').replace(',', '.')) * MS_PER_UNIT[unit],
      0,
    );
  }
  const match = /^(\d*\.?\d+) *([a-z]+)$/i.exec(value);
  const unit =
    match &&
    SHORT_UNITS.find(([pattern]) => pattern.test(match[2].toLowerCase()))?.[1];
  if (!match || !unit) {
    throw new Error(
      `'${value}' is not a number and a unit such as '10s', '2 minutes' or '1.5h'`,
    );
  }
  return Number(match[1]) * MS_PER_UNIT[unit];
}

function parseDurationObject(config: Config): number {
  const units = config.keys();
  const unknown = units.filter(unit => !(unit in MS_PER_UNIT));
  if (units.length === 0 || unknown.length > 0) {
    throw new Error(
      `${
        unknown.length ? `'${unknown.join("', '")}' is not a unit; ` : ''
      }use one or more of ${Object.keys(MS_PER_UNIT).join(', ')}`,
    );
  }
  return units.reduce(
    (ms, unit) => ms + config.getOptionalNumber(unit)! * MS_PER_UNIT[unit],
    0,
  );
}

/**
 * A duration in milliseconds, written as Backstage writes durations: a
 * string such as `10s`, `2 minutes` or the ISO 8601 `PT10S`, or an object
 * such as `{ seconds: 10 }` (a month is 30 days, a year 365). `default` is
 * used when the key is not set (without a default, it is required). It
 * must be longer than zero. A mistake throws, naming the key.
 *
 * @public
 */
export function readDurationMs(
  config: Config,
  key: string,
  options: ReadConfigOptions & { default?: number } = {},
): number {
  const name = fullKey(key, options);
  const value = config.getOptional(key);
  if (value === undefined) {
    if (options.default === undefined) {
      throw new Error(`${name} is required`);
    }
    return options.default;
  }
  let ms: number;
  try {
    if (typeof value === 'string') {
      ms = parseDurationString(value);
    } else if (
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value)
    ) {
      ms = parseDurationObject(config.getConfig(key));
    } else {
      throw new Error(
        `${JSON.stringify(value)} is neither a string nor an object`,
      );
    }
  } catch (error) {
    throw new Error(
      `${name} is not a duration such as '10s' or { seconds: 10 }: ${
        (error as Error).message
      }`,
    );
  }
  if (!(ms > 0)) {
    throw new Error(`${name} must be longer than zero`);
  }
  return ms;
}
