import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** How often a recipient gets at most one digest of a topic. */
export type DigestFrequency = 'daily' | 'hourly';

/** `readiness.notifications`, with its defaults. */
export interface NotificationSettings {
  /** Off until configured: a new install does not tell groups at once. */
  regressions: boolean;
  campaigns: boolean;
  digest: DigestFrequency;
}

const FREQUENCIES: readonly DigestFrequency[] = ['daily', 'hourly'];

/** Reads `readiness.notifications`; a wrong `digest` names the key. */
export function readNotificationSettings(config: Config): NotificationSettings {
  const key = 'readiness.notifications.digest';
  const digest = config.getOptionalString(key) ?? 'daily';
  if (!FREQUENCIES.includes(digest as DigestFrequency)) {
    throw new InputError(
      `${key} must be one of ${FREQUENCIES.join(', ')}, not '${digest}'`,
    );
  }
  return {
    regressions:
      config.getOptionalBoolean(
        'readiness.notifications.regressions.enabled',
      ) ?? false,
    campaigns:
      config.getOptionalBoolean('readiness.notifications.campaigns.enabled') ??
      true,
    digest: digest as DigestFrequency,
  };
}

/**
 * The period a digest sent at `now` covers: its UTC day (`2027-01-10`) or
 * hour (`2027-01-10T09`).
 */
export function digestPeriod(now: Date, frequency: DigestFrequency): string {
  return now.toISOString().slice(0, frequency === 'daily' ? 10 : 13);
}
