import { Config, readDurationFromConfig } from '@backstage/config';
import type { ScmIntegrationRegistry } from '@backstage/integration';

const KEY = 'readiness.github';

/** `readiness.github`, read and checked, with the integration's API root. @internal */
export interface GithubSettings {
  /** The integration host, e.g. `github.com` or a GitHub Enterprise host. */
  host: string;
  /** The REST API root of that integration, e.g. `https://api.github.com`. */
  apiBaseUrl: string;
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
 * The GitHub collector's settings, or `undefined` when `readiness.github` is
 * not configured (the collector is off). The host must be one of
 * `integrations.github`, which gives the API root and the credentials.
 * Mistakes throw, naming the key, so that the backend does not start half
 * configured.
 *
 * @internal
 */
export function readGithubConfig(
  root: Config,
  integrations: ScmIntegrationRegistry,
): GithubSettings | undefined {
  const config = root.getOptionalConfig(KEY);
  if (!config) {
    return undefined;
  }

  const host = config.getOptionalString('host') ?? 'github.com';
  const integration = integrations.github.byHost(host);
  if (!integration) {
    throw new Error(
      `${KEY}.host is ${host}, but integrations.github has no entry for that host`,
    );
  }
  const apiBaseUrl = integration.config.apiBaseUrl;
  if (!apiBaseUrl) {
    throw new Error(
      `The integrations.github entry for ${host} has no apiBaseUrl, which ${KEY} needs`,
    );
  }

  let timeoutMs = 10_000;
  if (config.has('timeout')) {
    try {
      timeoutMs = durationToMs(
        readDurationFromConfig(config, { key: 'timeout' }),
      );
    } catch (error) {
      throw new Error(
        `${KEY}.timeout is not a duration: ${
          error instanceof Error ? error.message : String(error)
        }`,
      );
    }
    if (!(timeoutMs > 0)) {
      throw new Error(`${KEY}.timeout must be longer than zero`);
    }
  }

  return {
    host,
    apiBaseUrl,
    concurrency: readWholeNumber(config, 'concurrency', 4, 1, 64),
    timeoutMs,
    maxPages: readWholeNumber(config, 'maxPages', 10, 1, 1000),
  };
}
