import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ReadinessStore } from '../store';
import {
  EntityEvaluation,
  EntityEvaluator,
} from '../evaluation/EntityEvaluator';
import { mapWithConcurrency } from '../lib/mapWithConcurrency';

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

/**
 * One pass over the whole catalog: every entity is evaluated and stored, page
 * by page so that the catalog is never held in memory, then the results of
 * entities that were not seen (deleted from the catalog, or no longer scored)
 * are removed. An entity that fails to evaluate or to store keeps its
 * previous results, is logged, and stops neither the run nor the removal of
 * the others'.
 */
export class CatalogEvaluationRun {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly results: ReadinessStore,
    private readonly evaluator: EntityEvaluator,
    private readonly logger: LoggerService,
    private readonly historyRetentionMs: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

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
    summary.removed = await this.results.deleteResultsEvaluatedBefore(
      startedAt,
      failedRefs,
    );
    summary.expired = await this.results.deleteHistoryBefore(
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
      const { skipped } = await this.results.replaceResultsOfEntities(
        evaluations,
      );
      summary.evaluated += evaluations.length - skipped;
      summary.skipped += skipped;
    } catch {
      for (const { entity, results } of evaluations) {
        try {
          const { skipped } = await this.results.replaceEntityResults(
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
