import { Knex } from 'knex';
import { isoTime } from '../dialect';
import { aggregateOver } from '../resultQueries';
import { parseStoredResult } from '../storedResult';
import {
  ENTITIES_TABLE,
  EvaluatedEntityRow,
  RESULTS_TABLE,
  ResultRow,
} from '../tables';
import {
  EntityResultsReader,
  StoredEntityResults,
} from './EntityResultsReader';

/** The knex implementation of {@link EntityResultsReader}. */
export class DatabaseEntityResultsReader implements EntityResultsReader {
  constructor(private readonly db: Knex) {}

  async getEntityEtags(
    entityRefs: string[],
  ): Promise<Map<string, string | null>> {
    const rows = await aggregateOver<
      Pick<EvaluatedEntityRow, 'entity_ref' | 'entity_etag'>
    >(new Set(entityRefs), 'entity_ref', () =>
      this.db(ENTITIES_TABLE).select('entity_ref', 'entity_etag'),
    );
    return new Map(rows.map(row => [row.entity_ref, row.entity_etag]));
  }

  async getEntityResults(entityRef: string): Promise<StoredEntityResults> {
    const rows: Array<
      Pick<ResultRow, 'scorecard_id' | 'scorecard_version' | 'result'> &
        Pick<EvaluatedEntityRow, 'entity_etag' | 'evaluated_at'>
    > = await this.db(RESULTS_TABLE)
      .join(
        ENTITIES_TABLE,
        `${ENTITIES_TABLE}.entity_ref`,
        `${RESULTS_TABLE}.entity_ref`,
      )
      .where(`${RESULTS_TABLE}.entity_ref`, entityRef)
      .select(
        'scorecard_id',
        'scorecard_version',
        'result',
        'entity_etag',
        'evaluated_at',
      );
    return {
      entityEtag: rows[0]?.entity_etag ?? null,
      results: new Map(
        rows.map(row => [
          row.scorecard_id,
          parseStoredResult(row.result, isoTime(row.evaluated_at)),
        ]),
      ),
      scorecardVersions: new Map(
        rows.map(row => [row.scorecard_id, row.scorecard_version]),
      ),
    };
  }
}
