import { Knex } from 'knex';
import { ROWS_PER_STATEMENT } from '../batches';
import { withDeadlockRetries } from '../deadlockRetries';
import { locksRows } from '../dialect';
import { rowsOfOuterEntity } from '../resultQueries';
import { deleteCampaignRowsOf } from '../results/campaignEntityRows';
import {
  BADGES_TABLE,
  CHECKS_TABLE,
  ENTITIES_TABLE,
  FACTS_TABLE,
  HISTORY_TABLE,
  PUSHED_FACTS_TABLE,
  RESULTS_TABLE,
} from '../tables';
import { ResultsRetention } from './ResultsRetention';

/** The knex implementation of {@link ResultsRetention}. */
export class DatabaseResultsRetention implements ResultsRetention {
  constructor(private readonly db: Knex) {}

  async deleteResultsEvaluatedBefore(
    time: Date,
    keep: ReadonlySet<string> = new Set(),
  ): Promise<number> {
    let removed = 0;
    let after: string | undefined;
    // A batch of candidates at a time, in ref order, each batch in a short
    // transaction of its own, so that writers are not held up for long.
    for (;;) {
      const from = after;
      const candidates: string[] = await this.db(ENTITIES_TABLE)
        .where('evaluated_at', '<', time)
        .modify(query => {
          if (from !== undefined) {
            query.where('entity_ref', '>', from);
          }
        })
        .orderBy('entity_ref')
        .limit(ROWS_PER_STATEMENT)
        .pluck('entity_ref');
      if (candidates.length === 0) {
        await this.deleteFactsOfUnscored(time);
        return removed;
      }
      after = candidates[candidates.length - 1];
      const gone = candidates.filter(ref => !keep.has(ref));
      if (gone.length > 0) {
        removed += await withDeadlockRetries(() =>
          this.db.transaction(tx => this.deleteEntities(tx, gone, time)),
        );
      }
    }
  }

  async deleteHistoryBefore(time: Date): Promise<number> {
    return this.db(HISTORY_TABLE).where('changed_at', '<', time).delete();
  }

  /**
   * Deletes the facts, observed before this time, of entities without
   * results: those no scorecard applies to any more, whose results a write
   * removed, and those whose first results never got stored.
   */
  private async deleteFactsOfUnscored(time: Date): Promise<void> {
    await this.db(FACTS_TABLE)
      .where('observed_at', '<', time)
      .whereNotExists(rowsOfOuterEntity(this.db, ENTITIES_TABLE, FACTS_TABLE))
      .delete();
  }

  /**
   * Deletes what is stored of these entities if they are still evaluated
   * before this time: the rows are read `FOR UPDATE`, as writers claim
   * them, so an entity evaluated again since the candidates were read keeps
   * its new results. Their pushed facts and badge ids go too, so that an
   * entity registered later under the same ref inherits neither. Returns
   * how many results went.
   */
  private async deleteEntities(
    tx: Knex.Transaction,
    candidates: string[],
    time: Date,
  ): Promise<number> {
    const refs: string[] = await tx(ENTITIES_TABLE)
      .whereIn('entity_ref', candidates)
      .where('evaluated_at', '<', time)
      .orderBy('entity_ref')
      .modify(query => {
        if (locksRows(this.db)) {
          query.forUpdate();
        }
      })
      .pluck('entity_ref');
    if (refs.length === 0) {
      return 0;
    }
    await tx(ENTITIES_TABLE).whereIn('entity_ref', refs).delete();
    const removed = await tx(RESULTS_TABLE)
      .whereIn('entity_ref', refs)
      .delete();
    await tx(CHECKS_TABLE).whereIn('entity_ref', refs).delete();
    await deleteCampaignRowsOf(tx, refs);
    await tx(FACTS_TABLE).whereIn('entity_ref', refs).delete();
    await tx(PUSHED_FACTS_TABLE).whereIn('entity_ref', refs).delete();
    await tx(BADGES_TABLE).whereIn('entity_ref', refs).delete();
    return removed;
  }
}
