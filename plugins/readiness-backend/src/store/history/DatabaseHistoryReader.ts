import { ReadinessChange } from '@readiness/plugin-readiness-common';
import { Knex } from 'knex';
import { isoTime } from '../dialect';
import { HISTORY_TABLE, HistoryRow } from '../tables';
import { HistoryReader } from './HistoryReader';

/** The knex implementation of {@link HistoryReader}. */
export class DatabaseHistoryReader implements HistoryReader {
  constructor(private readonly db: Knex) {}

  async getEntityHistory(
    entityRef: string,
    options: { limit: number },
  ): Promise<ReadinessChange[]> {
    const rows: HistoryRow[] = await this.db(HISTORY_TABLE)
      .where({ entity_ref: entityRef })
      .orderBy([
        { column: 'changed_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(options.limit);
    return rows.map(row => ({
      scorecard: row.scorecard_id,
      changedAt: isoTime(row.changed_at),
      cause: row.cause,
      levelBefore: row.level_before,
      levelAfter: row.level_after,
      scoreBefore: row.score_before,
      scoreAfter: row.score_after,
      checks: JSON.parse(row.checks),
      ...(row.note !== null && { note: row.note }),
    }));
  }
}
