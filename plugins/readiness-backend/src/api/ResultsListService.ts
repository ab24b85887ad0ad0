import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ResultList, ResultSummary } from '@readiness/plugin-readiness-common';
import { readBoundedInteger } from '@readiness/plugin-readiness-node';
import { ResultFilter, ResultListQueries, ResultPosition } from '../store';
import { ResultsCursor } from './ResultsCursor';

/** Results read per store query, and checked per catalog call. */
export const RESULTS_SCAN_BATCH = 200;

const DEFAULT_SCAN_ROWS = 5000;

/** `readiness.limits.resultsScanRows`: a whole number from 1 to a million. */
export function readResultsScanRows(config: Config): number {
  return readBoundedInteger(config, 'readiness.limits.resultsScanRows', {
    min: 1,
    max: 1_000_000,
    default: DEFAULT_SCAN_ROWS,
  });
}

/** The list a cursor belongs to: its filters, in a fixed order, and who asked. */
function listQuery(
  filter: ResultFilter,
  credentials: BackstageCredentials,
): string {
  const { principal } = credentials as BackstageCredentials<{
    userEntityRef?: string;
    subject?: string;
  }>;
  const caller = principal.userEntityRef ?? principal.subject ?? '';
  const fields = Object.entries(filter)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([caller, fields]);
}

/** Where results are listed from, and how far one request reads. */
export interface ResultsListServiceOptions {
  catalog: CatalogService;
  resultList: ResultListQueries;
  cursors: ResultsCursor;
  /** How many stored results one request reads at most. */
  limits: { scanRows: number };
}

/**
 * Lists results the caller may see. The store filters and orders; the
 * catalog, asked with the caller's credentials, says which of those entities
 * the caller may read, and the others are left out. A request reads at most
 * `scanRows` results: a caller who sees few entities gets a page that is not
 * full, with a cursor to go on from where the reading stopped.
 */
export class ResultsListService {
  constructor(private readonly options: ResultsListServiceOptions) {}

  async list(
    filter: ResultFilter,
    page: { limit: number; cursor?: string },
    credentials: BackstageCredentials,
  ): Promise<ResultList> {
    const query = listQuery(filter, credentials);
    let after: ResultPosition | undefined =
      page.cursor === undefined
        ? undefined
        : this.options.cursors.decode(page.cursor, query);
    const items: ResultSummary[] = [];
    let scanned = 0;
    for (;;) {
      const batchSize = Math.min(
        RESULTS_SCAN_BATCH,
        this.options.limits.scanRows - scanned,
      );
      const batch = await this.options.resultList.listResults(filter, {
        limit: batchSize,
        after,
      });
      scanned += batch.length;
      const visible = await this.visibleRefs(batch, credentials);
      for (const row of batch) {
        after = { score: row.score, entityRef: row.entityRef };
        if (visible.has(row.entityRef)) {
          items.push(row);
          if (items.length === page.limit) {
            return {
              items,
              nextCursor: this.options.cursors.encode(after, query),
            };
          }
        }
      }
      if (batch.length < batchSize) {
        return { items, nextCursor: null };
      }
      if (scanned >= this.options.limits.scanRows) {
        return {
          items,
          nextCursor: this.options.cursors.encode(after!, query),
        };
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
    const { items } = await this.options.catalog.getEntitiesByRefs(
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
