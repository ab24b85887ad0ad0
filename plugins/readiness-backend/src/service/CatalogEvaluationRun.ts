import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ReadinessStore } from '../database';
import { EntityEvaluation, EntityEvaluator } from './EntityEvaluator';
import { mapWithConcurrency } from './mapWithConcurrency';

/** Entities read from the catalog at a time. */
const PAGE_SIZE = 200;
/** Entities evaluated at once within a page. */
const CONCURRENCY = 8;

export interface CatalogEvaluationSummary {
  evaluated: number;
  failed: number;
  removed: number;
  /** History rows older than the retention, removed after the run. */
  expired: number;
}

/**
 * One pass over the whole catalog: every entity is evaluated and stored, page
 * by page so that the catalog is never held in memory, then the results of
 * entities that were not seen (deleted from the catalog, or no longer scored)
 * are removed. An entity that fails to evaluate keeps its previous results
 * and does not stop the run.
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
    const summary = { evaluated: 0, failed: 0, removed: 0, expired: 0 };
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
          summary.failed++;
          this.logger.warn(
            `Could not evaluate ${stringifyEntityRef(entity)}: ${error}`,
          );
        }
      });
      summary.evaluated += await this.store(evaluations, summary);
    }
    if (summary.failed === 0) {
      summary.removed = await this.results.deleteResultsEvaluatedBefore(
        startedAt,
      );
    }
    summary.expired = await this.results.deleteHistoryBefore(
      new Date(startedAt.getTime() - this.historyRetentionMs),
    );
    this.logger.info(
      `Readiness evaluated ${summary.evaluated} entities (${summary.failed} failed), removed the results of ${summary.removed} and ${summary.expired} expired history entries`,
    );
    return summary;
  }

  /**
   * Stores a page's results in one transaction; if that fails, entity by
   * entity, so that one bad entity does not lose the others. Returns how
   * many were stored.
   */
  private async store(
    evaluations: EntityEvaluation[],
    summary: CatalogEvaluationSummary,
  ): Promise<number> {
    try {
      await this.results.replaceResultsOfEntities(evaluations);
      return evaluations.length;
    } catch {
      let stored = 0;
      for (const { entity, results } of evaluations) {
        try {
          await this.results.replaceEntityResults(entity, results);
          stored++;
        } catch (error) {
          summary.failed++;
          this.logger.warn(`Could not store ${entity.ref}: ${error}`);
        }
      }
      return stored;
    }
  }
}
