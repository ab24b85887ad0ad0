import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ReadinessStore } from '../database';
import { EntityEvaluator } from './EntityEvaluator';
import { mapWithConcurrency } from './mapWithConcurrency';

const PAGE_SIZE = 500;
const CONCURRENCY = 8;
const CHANGE_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.etag',
];

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
  /** Entities no scorecard applies to, by ref, with the etag seen. */
  private readonly unscored = new Map<string, string | undefined>();

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly store: ReadinessStore,
    private readonly evaluator: EntityEvaluator,
    private readonly logger: LoggerService,
  ) {}

  /** After a scorecard change, any entity may have become scored. */
  forgetUnscored(): void {
    this.unscored.clear();
  }

  async run(signal?: AbortSignal): Promise<ChangeScanSummary> {
    const summary = { changed: 0, failed: 0 };
    const credentials = await this.auth.getOwnServiceCredentials();
    const pages = this.catalog.streamEntities(
      { pageSize: PAGE_SIZE, fields: CHANGE_FIELDS },
      { credentials },
    );
    for await (const page of pages) {
      if (signal?.aborted) {
        break;
      }
      const etags = new Map(
        page.map(e => [stringifyEntityRef(e), e.metadata.etag]),
      );
      const stored = await this.store.getEntityEtags([...etags.keys()]);
      const changedRefs = [...etags]
        .filter(([ref, etag]) =>
          stored.has(ref)
            ? stored.get(ref) !== (etag ?? null)
            : !this.unscored.has(ref) || this.unscored.get(ref) !== etag,
        )
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
          this.unscored.set(ref, entity.metadata.etag);
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
    if (summary.changed + summary.failed > 0) {
      this.logger.info(
        `Readiness re-evaluated ${summary.changed} changed entities (${summary.failed} failed)`,
      );
    }
    return summary;
  }
}
