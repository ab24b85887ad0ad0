import type { Config } from '@backstage/config';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import {
  readBoundedInteger,
  readHttpClientSettings,
} from '@readiness/plugin-readiness-node';

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
  maxResponseBytes: number;
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

  return {
    host,
    apiBaseUrl,
    ...readHttpClientSettings(config, { prefix: KEY }),
    maxPages: readBoundedInteger(config, 'maxPages', {
      min: 1,
      max: 1000,
      default: 10,
      prefix: KEY,
    }),
  };
}
