import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { NotificationService } from '@backstage/plugin-notifications-node';
import type { CampaignTracker } from '../jobs/CampaignTracker';
import { NotificationDigest } from '../jobs/NotificationDigest';
import type { ReadinessStores } from '../store';
import { CampaignNotifier } from './CampaignNotifier';
import { readNotificationSettings } from './readNotificationSettings';
import { RegressionNotifier } from './RegressionNotifier';

/**
 * Has regressions (when `readiness.notifications.regressions.enabled`) and
 * campaign milestones (unless `.campaigns.enabled` is false) written to
 * the outbox, and returns the job that sends its digests. Without a
 * notification service (benchmarks, tests) nothing is written or sent.
 */
export function connectNotifications(options: {
  config: Config;
  logger: LoggerService;
  stores: Pick<ReadinessStores, 'resultWriter' | 'notificationOutbox'>;
  campaignTracker: Pick<CampaignTracker, 'addListener'>;
  notifications?: NotificationService;
}): NotificationDigest | undefined {
  const { config, logger, stores, campaignTracker, notifications } = options;
  if (!notifications) {
    return undefined;
  }
  const settings = readNotificationSettings(config);
  const outbox = stores.notificationOutbox;
  if (settings.regressions) {
    stores.resultWriter.addListener(new RegressionNotifier(outbox));
  }
  if (settings.campaigns) {
    campaignTracker.addListener(new CampaignNotifier(outbox));
  }
  return NotificationDigest.fromConfig(config, {
    outbox,
    notifications,
    logger,
  });
}
