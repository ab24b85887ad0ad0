import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ResultSummary } from '@readiness/plugin-readiness-common';
import { ReadinessStore, ResultFilter } from '../database';

/**
 * Lists results the caller may see. The store filters and orders; the
 * catalog, asked with the caller's credentials, says which of those entities
 * the caller may read, and the others are left out. `nextOffset` continues
 * where this page stopped reading, so hidden entities never shift a page.
 */
export class ResultsListService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly store: ReadinessStore,
  ) {}

  async list(
    filter: ResultFilter,
    page: { limit: number; offset: number },
    credentials: BackstageCredentials,
  ): Promise<{ items: ResultSummary[]; nextOffset: number | null }> {
    const items: ResultSummary[] = [];
    let offset = page.offset;
    for (;;) {
      const batch = await this.store.listResults(filter, {
        limit: page.limit,
        offset,
      });
      const visible = await this.visibleRefs(batch, credentials);
      for (const row of batch) {
        offset++;
        if (visible.has(row.entityRef)) {
          items.push(row);
          if (items.length === page.limit) {
            return { items, nextOffset: offset };
          }
        }
      }
      if (batch.length < page.limit) {
        return { items, nextOffset: null };
      }
    }
  }

  private async visibleRefs(
    rows: ResultSummary[],
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    if (rows.length === 0) {
      return new Set();
    }
    const { items } = await this.catalog.getEntitiesByRefs(
      {
        entityRefs: rows.map(r => r.entityRef),
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials },
    );
    return new Set(
      rows.filter((_, index) => items[index]).map(r => r.entityRef),
    );
  }
}
