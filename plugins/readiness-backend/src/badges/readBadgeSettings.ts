import { Config } from '@backstage/config';

/** How badges are served, from app-config. */
export interface BadgeSettings {
  /** `readiness.badges.public`: badges are served without a session. */
  public: boolean;
  /** Where the backend and the app are reached; set when `public`. */
  backendBaseUrl?: string;
  appBaseUrl?: string;
}

const withoutTrailingSlashes = (url: string) => url.replace(/\/+$/, '');

/**
 * Reads `readiness.badges.public` (default false) and, when it is on, the
 * base URLs the snippets point to: start-up fails naming a missing key.
 */
export function readBadgeSettings(config: Config): BadgeSettings {
  const isPublic =
    config.getOptionalBoolean('readiness.badges.public') ?? false;
  if (!isPublic) {
    return { public: false };
  }
  return {
    public: true,
    backendBaseUrl: withoutTrailingSlashes(config.getString('backend.baseUrl')),
    appBaseUrl: withoutTrailingSlashes(config.getString('app.baseUrl')),
  };
}
