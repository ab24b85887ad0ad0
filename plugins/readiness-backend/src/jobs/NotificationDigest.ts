import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { digestPayload } from '../notifications/digestPayload';
import {
  digestPeriod,
  DigestFrequency,
  readNotificationSettings,
} from '../notifications/readNotificationSettings';
import type { ClaimedDigest, NotificationOutbox } from '../store';
import { readSchedule } from './readSchedule';

/** Every five minutes, unless `readiness.notifications.schedule` says. */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 5 },
  initialDelay: { minutes: 1 },
};

/** Digests claimed at a time, and lines read of each. */
const CLAIM_LIMITS = { digests: 100, maxLines: 200 };

/** Claims per run at most, so that a run ends whatever arrives meanwhile. */
const MAX_CLAIMS_PER_RUN = 50;

/** How long sent (and failed) digests are kept: past any period. */
const DIGEST_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/** What the digest job reads, sends with and logs to. */
export interface NotificationDigestOptions {
  outbox: NotificationOutbox;
  notifications: NotificationService;
  logger: LoggerService;
  digest: DigestFrequency;
  schedule?: SchedulerServiceTaskScheduleDefinition;
  /** The clock; tests set it. */
  now?: () => Date;
}

/** What a run did. */
export interface DigestRunOutcome {
  sent: number;
  failed: number;
}

/**
 * Sends the waiting notifications, one digest per recipient, topic and
 * period (a day or an hour) at most, through Backstage's notification
 * service: its recipient is an entity ref, a group's members are told.
 *
 * At most once: a digest is recorded (claimed) before it is sent, and a
 * claimed digest is never sent again, whether its send failed or the
 * process stopped in between. Losing a digest in a crash is preferred to
 * telling a group the same thing twice.
 */
export class NotificationDigest {
  static readonly TASK_ID = 'readiness.notificationDigest';

  private readonly now: () => Date;
  /** Whether the last send failed: the next failures are not warned of. */
  private failing = false;

  static fromConfig(
    config: Config,
    options: Omit<NotificationDigestOptions, 'schedule' | 'digest'>,
  ): NotificationDigest {
    return new NotificationDigest({
      ...options,
      digest: readNotificationSettings(config).digest,
      schedule: readSchedule(
        config,
        'readiness.notifications.schedule',
        DEFAULT_SCHEDULE,
      ),
    });
  }

  constructor(private readonly options: NotificationDigestOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** One replica at a time, as the scheduler's global tasks run. */
  async schedule(scheduler: SchedulerService): Promise<void> {
    await scheduler.scheduleTask({
      id: NotificationDigest.TASK_ID,
      ...(this.options.schedule ?? DEFAULT_SCHEDULE),
      fn: async () => {
        await this.run();
      },
    });
  }

  /** Claims and sends the digests due now, then forgets old ones. */
  async run(): Promise<DigestRunOutcome> {
    const { outbox, logger } = this.options;
    const outcome: DigestRunOutcome = { sent: 0, failed: 0 };
    for (let round = 0; round < MAX_CLAIMS_PER_RUN; round++) {
      const now = this.now();
      const claimed = await outbox.claimDigests(
        digestPeriod(now, this.options.digest),
        now,
        CLAIM_LIMITS,
      );
      for (const digest of claimed) {
        outcome[(await this.send(digest)) ? 'sent' : 'failed'] += 1;
      }
      if (claimed.length < CLAIM_LIMITS.digests) {
        break;
      }
    }
    await outbox.pruneSent(
      new Date(this.now().getTime() - DIGEST_RETENTION_MS),
    );
    if (outcome.sent + outcome.failed > 0) {
      logger.info(
        `Sent ${outcome.sent} Readiness notification digest(s), ${outcome.failed} failed`,
      );
    }
    return outcome;
  }

  /** Sends a claimed digest once; whether it was sent. */
  private async send(digest: ClaimedDigest): Promise<boolean> {
    const { outbox, notifications, logger } = this.options;
    try {
      await notifications.send({
        recipients: { type: 'entity', entityRef: digest.recipient },
        payload: digestPayload(digest),
      });
    } catch (error) {
      const message = `Could not send the Readiness ${digest.topic} digest to ${digest.recipient}; it is not sent again: ${error}`;
      if (this.failing) {
        logger.debug(message);
      } else {
        // Once, not per digest: without the notifications backend every
        // send fails the same way.
        logger.warn(
          `${message}. Is the notifications backend installed? Failures are logged at debug level until a digest is sent.`,
        );
        this.failing = true;
      }
      await outbox.markFailed(digest.id, String(error));
      return false;
    }
    this.failing = false;
    await outbox.markSent(digest.id, this.now());
    return true;
  }
}
