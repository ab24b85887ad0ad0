import {
  AuthService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { HumanDuration } from '@backstage/types';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ResultsRetention, ResultWriter } from '../store';
import {
  EntityEvaluation,
  EntityEvaluator,
} from '../evaluation/EntityEvaluator';
import { mapWithConcurrency } from '../lib/mapWithConcurrency';
import { readSchedule } from './readSchedule';
import { readDurationMs } from '@readiness/plugin-readiness-node';

/** Entities read from the catalog at a time. */
const PAGE_SIZE = 200;
/** Entities evaluated at once within a page. */
const CONCURRENCY = 8;

export interface CatalogEvaluationSummary {
  evaluated: number;
  failed: number;
  /** Entities whose stored results are newer than this run's (a refresh). */
  skipped: number;
  removed: number;
  /** History rows older than the retention, removed after the run. */
  expired: number;
}

/** When the whole catalog is evaluated, unless `readiness.schedule` says. */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 30 },
  initialDelay: { seconds: 5 },
};

/** How long the history is kept, unless `readiness.historyRetention` says. */
const DEFAULT_HISTORY_RETENTION: HumanDuration = { days: 365 };

/** What a catalog run reads, evaluates with, stores into and keeps. */
export interface CatalogEvaluationRunOptions {
  catalog: CatalogService;
  auth: AuthService;
  resultWriter: ResultWriter;
  retention: ResultsRetention;
  evaluator: EntityEvaluator;
  logger: LoggerService;
  /** History older than this is removed after each run. */
  historyRetentionMs: number;
  schedule?: SchedulerServiceTaskScheduleDefinition;
  /** The clock; tests set it. */
  now?: () => Date;
}

/**
 * One pass over the whole catalog: every entity is evaluated and stored, page
 * by page so that the catalog is never held in memory, then the results of
 * entities that were not seen (deleted from the catalog, or no longer scored)
 * are removed. An entity that fails to evaluate or to store keeps its
 * previous results, is logged, and stops neither the run nor the removal of
 * the others'.
 */
export class CatalogEvaluationRun {
  /** The scheduler's id of the task; the reload job triggers it. */
  static readonly TASK_ID = 'readiness-evaluate-catalog';

  private readonly catalog: CatalogService;
  private readonly auth: AuthService;
  private readonly resultWriter: ResultWriter;
  private readonly retention: ResultsRetention;
  private readonly evaluator: EntityEvaluator;
  private readonly logger: LoggerService;
  private readonly historyRetentionMs: number;
  private readonly scheduleDefinition: SchedulerServiceTaskScheduleDefinition;
  private readonly now: () => Date;

  /**
   * Reads `readiness.schedule` (by default every 30 minutes, first a few
   * seconds after start-up) and `readiness.historyRetention` (a year).
   */
  static fromConfig(
    config: Config,
    deps: Omit<
      CatalogEvaluationRunOptions,
      'historyRetentionMs' | 'schedule' | 'now'
    >,
  ): CatalogEvaluationRun {
    return new CatalogEvaluationRun({
      ...deps,
      historyRetentionMs: readDurationMs(config, 'readiness.historyRetention', {
        allowZero: true,
        default: DEFAULT_HISTORY_RETENTION,
      }),
      schedule: readSchedule(config, 'readiness.schedule', DEFAULT_SCHEDULE),
    });
  }

  constructor(options: CatalogEvaluationRunOptions) {
    this.catalog = options.catalog;
    this.auth = options.auth;
    this.resultWriter = options.resultWriter;
    this.retention = options.retention;
    this.evaluator = options.evaluator;
    this.logger = options.logger;
    this.historyRetentionMs = options.historyRetentionMs;
    this.scheduleDefinition = options.schedule ?? DEFAULT_SCHEDULE;
    this.now = options.now ?? (() => new Date());
  }

  /** Runs on one replica at a time, as the scheduler's global tasks do. */
  async schedule(scheduler: SchedulerService): Promise<void> {
    await scheduler.scheduleTask({
      id: CatalogEvaluationRun.TASK_ID,
      ...this.scheduleDefinition,
      fn: async signal => {
        await this.run(signal);
      },
    });
  }

  async run(signal?: AbortSignal): Promise<CatalogEvaluationSummary> {
    const startedAt = this.now();
    const summary = {
      evaluated: 0,
      failed: 0,
      skipped: 0,
      removed: 0,
      expired: 0,
    };
    // Still in the catalog: their results stay though not written again.
    const failedRefs = new Set<string>();
    const pages = this.catalog.streamEntities(
      { pageSize: PAGE_SIZE },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    for await (const page of pages) {
      if (signal?.aborted) {
        this.logger.warn('Readiness evaluation run aborted; results kept');
        return summary;
      }
      const evaluations: EntityEvaluation[] = [];
      await mapWithConcurrency(page, CONCURRENCY, async entity => {
        try {
          evaluations.push(await this.evaluator.compute(entity));
        } catch (error) {
          const ref = stringifyEntityRef(entity);
          failedRefs.add(ref);
          this.logger.warn(`Could not evaluate ${ref}: ${error}`);
        }
      });
      await this.store(evaluations, summary, failedRefs);
    }
    summary.failed = failedRefs.size;
    summary.removed = await this.retention.deleteResultsEvaluatedBefore(
      startedAt,
      failedRefs,
    );
    summary.expired = await this.retention.deleteHistoryBefore(
      new Date(startedAt.getTime() - this.historyRetentionMs),
    );
    this.logger.info(
      `Readiness evaluated ${summary.evaluated} entities (${summary.failed} failed, ${summary.skipped} newer already stored), removed the results of ${summary.removed} and ${summary.expired} expired history entries`,
    );
    return summary;
  }

  /**
   * Stores a page's results in one transaction; if that fails, entity by
   * entity, so that one bad entity does not lose the others.
   */
  private async store(
    evaluations: EntityEvaluation[],
    summary: CatalogEvaluationSummary,
    failedRefs: Set<string>,
  ): Promise<void> {
    try {
      const { skipped } = await this.resultWriter.replaceResultsOfEntities(
        evaluations,
      );
      summary.evaluated += evaluations.length - skipped;
      summary.skipped += skipped;
    } catch {
      for (const { entity, results } of evaluations) {
        try {
          const { skipped } = await this.resultWriter.replaceEntityResults(
            entity,
            results,
          );
          summary.evaluated += 1 - skipped;
          summary.skipped += skipped;
        } catch (error) {
          failedRefs.add(entity.ref);
          this.logger.warn(`Could not store ${entity.ref}: ${error}`);
        }
      }
    }
  }
}
