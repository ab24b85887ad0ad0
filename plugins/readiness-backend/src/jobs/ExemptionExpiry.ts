import { dayOf } from '@readiness/plugin-readiness-common';
import {
  AuditorService,
  AuthService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EntityEvaluator } from '../evaluation/EntityEvaluator';
import { OwnerInputStore } from '../store/ownerInput/OwnerInputStore';
import { readSchedule } from './readSchedule';

/** Every ten minutes, unless `readiness.exemptionExpiry` says. */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 30 },
};

/** What the expiry job marks, tells and re-evaluates. */
export interface ExemptionExpiryOptions {
  store: Pick<OwnerInputStore, 'expireExemptions'>;
  catalog: CatalogService;
  auth: AuthService;
  evaluator: EntityEvaluator;
  auditor: AuditorService;
  logger: LoggerService;
  schedule?: SchedulerServiceTaskScheduleDefinition;
  /** The clock; tests set it. */
  now?: () => Date;
}

/**
 * Records the end of exemptions past their end date (approved ones, and
 * requests nobody decided in time): each becomes
 * `expired` with an event and an audit record, and its entity is evaluated
 * again so that the check counts at once. The engine already ignores an
 * exemption after its end date; this makes the expiry visible and stored.
 */
export class ExemptionExpiry {
  static readonly TASK_ID = 'readiness-expire-exemptions';

  private readonly now: () => Date;

  static fromConfig(
    config: Config,
    options: Omit<ExemptionExpiryOptions, 'schedule'>,
  ): ExemptionExpiry {
    return new ExemptionExpiry({
      ...options,
      schedule: readSchedule(
        config,
        'readiness.exemptionExpiry',
        DEFAULT_SCHEDULE,
      ),
    });
  }

  constructor(private readonly options: ExemptionExpiryOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** One replica at a time, as the scheduler's global tasks run. */
  async schedule(scheduler: SchedulerService): Promise<void> {
    await scheduler.scheduleTask({
      id: ExemptionExpiry.TASK_ID,
      ...(this.options.schedule ?? DEFAULT_SCHEDULE),
      fn: async () => {
        await this.run();
      },
    });
  }

  /** Expires what ended before today; returns how many. */
  async run(): Promise<number> {
    const { store, catalog, auth, evaluator, auditor, logger } = this.options;
    const now = this.now();
    const expired = await store.expireExemptions(dayOf(now), now);
    const credentials = await auth.getOwnServiceCredentials();
    const entityRefs = [...new Set(expired.map(e => e.entityRef))];
    for (const exemption of expired) {
      // Already stored as expired: an auditor failure stops nothing else.
      try {
        const event = await auditor.createEvent({
          eventId: 'exemption-expiry',
          severityLevel: 'low',
          meta: {
            id: exemption.id,
            entityRef: exemption.entityRef,
            scorecard: exemption.scorecardId,
            checks: exemption.subjects,
            expiresAt: exemption.expiresAt,
          },
        });
        await event.success();
      } catch (error) {
        logger.error(`Could not audit the expiry of ${exemption.id}: ${error}`);
      }
    }
    for (const ref of entityRefs) {
      try {
        const entity = await catalog.getEntityByRef(ref, { credentials });
        if (entity) {
          await evaluator.evaluate(entity);
        }
      } catch (error) {
        // The catalog run evaluates it within its interval all the same.
        logger.warn(
          `Could not re-evaluate ${ref} after its exemption expired: ${error}`,
        );
      }
    }
    if (expired.length > 0) {
      logger.info(
        `Expired ${expired.length} exemption(s) of ${entityRefs.length} entities`,
      );
    }
    return expired.length;
  }
}
