import {
  AuthService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EntityResultsReader } from '../store';
import { EntityEvaluator } from '../evaluation/EntityEvaluator';
import { mapWithConcurrency } from '../lib/mapWithConcurrency';
import { readSchedule } from './readSchedule';

const PAGE_SIZE = 500;
const CONCURRENCY = 8;
/**
 * At most this many unscored entities are remembered; past it, the longest
 * unseen go first and are read in full once more when next seen. The map is
 * pruned to the catalog after every complete scan, so this bounds it only
 * in a catalog larger than that.
 */
const MAX_UNSCORED = 200_000;
const CHANGE_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.etag',
];

/** When the catalog is scanned, unless `readiness.changeDetection` says. */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 1 },
  timeout: { minutes: 10 },
  initialDelay: { minutes: 1 },
};

/** What a change scan reads, evaluates with and compares against. */
export interface CatalogChangeScanOptions {
  catalog: CatalogService;
  auth: AuthService;
  entityResults: EntityResultsReader;
  evaluator: EntityEvaluator;
  logger: LoggerService;
  /** How many unscored entities are remembered; tests lower it. */
  maxUnscored?: number;
  schedule?: SchedulerServiceTaskScheduleDefinition;
}

export interface ChangeScanSummary {
  changed: number;
  failed: number;
}

/**
 * Finds the entities that changed in the catalog since they were evaluated,
 * or that are new, by comparing `metadata.etag` with the stored one, and
 * evaluates those only. It reads just the fields that tell a change, so it
 * can run every minute between full catalog runs.
 */
export class CatalogChangeScan {
  static readonly TASK_ID = 'readiness-detect-changes';

  /**
   * Entities no scorecard applies to, by ref, with the etag seen and the
   * number of the last scan that saw them; least recently seen first.
   */
  private readonly unscored = new Map<
    string,
    { etag: string | undefined; scan: number }
  >();
  private scans = 0;

  private readonly catalog: CatalogService;
  private readonly auth: AuthService;
  private readonly entityResults: EntityResultsReader;
  private readonly evaluator: EntityEvaluator;
  private readonly logger: LoggerService;
  private readonly maxUnscored: number;
  private readonly scheduleDefinition: SchedulerServiceTaskScheduleDefinition;

  /** Reads `readiness.changeDetection`: by default every minute. */
  static fromConfig(
    config: Config,
    deps: Omit<CatalogChangeScanOptions, 'schedule' | 'maxUnscored'>,
  ): CatalogChangeScan {
    return new CatalogChangeScan({
      ...deps,
      schedule: readSchedule(
        config,
        'readiness.changeDetection',
        DEFAULT_SCHEDULE,
      ),
    });
  }

  constructor(options: CatalogChangeScanOptions) {
    this.catalog = options.catalog;
    this.auth = options.auth;
    this.entityResults = options.entityResults;
    this.evaluator = options.evaluator;
    this.logger = options.logger;
    this.maxUnscored = options.maxUnscored ?? MAX_UNSCORED;
    this.scheduleDefinition = options.schedule ?? DEFAULT_SCHEDULE;
  }

  /** Runs on one replica at a time, as the scheduler's global tasks do. */
  async schedule(scheduler: SchedulerService): Promise<void> {
    await scheduler.scheduleTask({
      id: CatalogChangeScan.TASK_ID,
      ...this.scheduleDefinition,
      fn: async signal => {
        await this.run(signal);
      },
    });
  }

  /** After a scorecard change, any entity may have become scored. */
  forgetUnscored(): void {
    this.unscored.clear();
  }

  async run(signal?: AbortSignal): Promise<ChangeScanSummary> {
    const summary = { changed: 0, failed: 0 };
    const scan = ++this.scans;
    let complete = true;
    const credentials = await this.auth.getOwnServiceCredentials();
    const pages = this.catalog.streamEntities(
      { pageSize: PAGE_SIZE, fields: CHANGE_FIELDS },
      { credentials },
    );
    for await (const page of pages) {
      if (signal?.aborted) {
        complete = false;
        break;
      }
      const etags = new Map(
        page.map(e => [stringifyEntityRef(e), e.metadata.etag]),
      );
      const stored = await this.entityResults.getEntityEtags([...etags.keys()]);
      const changedRefs = [...etags]
        .filter(([ref, etag]) => {
          if (stored.has(ref)) {
            return stored.get(ref) !== (etag ?? null);
          }
          const known = this.unscored.get(ref);
          if (!known || known.etag !== etag) {
            return true;
          }
          this.rememberUnscored(ref, etag, scan);
          return false;
        })
        .map(([ref]) => ref);
      if (changedRefs.length === 0) {
        continue;
      }
      const { items } = await this.catalog.getEntitiesByRefs(
        { entityRefs: changedRefs },
        { credentials },
      );
      await mapWithConcurrency(items, CONCURRENCY, async entity => {
        if (!entity) {
          return; // deleted since the page was read
        }
        const ref = stringifyEntityRef(entity);
        // A scored entity that no scorecard applies to any more is evaluated
        // all the same, which removes its results.
        if (
          !stored.has(ref) &&
          this.evaluator.applicableScorecards(entity).length === 0
        ) {
          this.rememberUnscored(ref, entity.metadata.etag, scan);
          return;
        }
        try {
          await this.evaluator.evaluate(entity);
          summary.changed++;
        } catch (error) {
          summary.failed++;
          this.logger.warn(`Could not evaluate ${ref}: ${error}`);
        }
      });
    }
    if (complete) {
      // Entities not seen in a whole scan have left the catalog.
      for (const [ref, { scan: seen }] of this.unscored) {
        if (seen !== scan) {
          this.unscored.delete(ref);
        }
      }
    }
    if (summary.changed + summary.failed > 0) {
      this.logger.info(
        `Readiness re-evaluated ${summary.changed} changed entities (${summary.failed} failed)`,
      );
    }
    return summary;
  }

  /** Remembers an unscored entity as seen now, within the bound. */
  private rememberUnscored(
    ref: string,
    etag: string | undefined,
    scan: number,
  ): void {
    this.unscored.delete(ref);
    this.unscored.set(ref, { etag, scan });
    for (const oldest of this.unscored.keys()) {
      if (this.unscored.size <= this.maxUnscored) {
        break;
      }
      this.unscored.delete(oldest);
    }
  }
}
