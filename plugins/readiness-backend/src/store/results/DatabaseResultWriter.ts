import { Knex } from 'knex';
import { LoggerService } from '@backstage/backend-plugin-api';
import type {
  RecordedChange,
  ResultChangeListener,
} from '../../campaigns/campaignListeners';
import { chunks, ROWS_PER_STATEMENT } from '../batches';
import { withDeadlockRetries } from '../deadlockRetries';
import { locksRows } from '../dialect';
import {
  CHECKS_TABLE,
  CheckRow,
  ENTITIES_TABLE,
  EvaluatedEntityRow,
  HISTORY_TABLE,
  HistoryRow,
  RESULTS_TABLE,
  ResultRow,
} from '../tables';
import { updateCampaignRows, WrittenResult } from './campaignEntityRows';
import { describeChange } from './describeChange';
import {
  changedCheckRows,
  COMPARED_COLUMNS,
  ComparedRow,
  evaluatedEntityRow,
  historyRow,
  isOlderThanStored,
  recordedChange,
  resultRow,
  sameResultRow,
  StaleChecks,
  StoredEntity,
  versionedResultsOf,
} from './resultRows';
import {
  EntityToStore,
  ResultToStore,
  ResultWriter,
  WriteOutcome,
} from './ResultWriter';

/**
 * Result rows per statement: few, as each holds a whole result.
 */
const RESULT_ROWS_PER_STATEMENT = 50;

/** The knex implementation of {@link ResultWriter}. */
export class DatabaseResultWriter implements ResultWriter {
  private readonly listeners: ResultChangeListener[] = [];

  constructor(
    private readonly db: Knex,
    private readonly options: {
      /** Where listeners' failures after a commit go; none by default. */
      logger?: LoggerService;
    } = {},
  ) {}

  addListener(listener: ResultChangeListener): void {
    this.listeners.push(listener);
  }

  async replaceEntityResults(
    entity: EntityToStore,
    results: ResultToStore[],
  ): Promise<WriteOutcome> {
    return this.replaceResultsOfEntities([{ entity, results }]);
  }

  async replaceResultsOfEntities(
    batch: Array<{ entity: EntityToStore; results: ResultToStore[] }>,
  ): Promise<WriteOutcome> {
    // The last write of an entity in a batch wins, as if written in order.
    const byRef = new Map(batch.map(item => [item.entity.ref, item]));
    const refs = [...byRef.keys()];
    if (refs.length === 0) {
      return { skipped: 0 };
    }
    const { outcome, changes } = await withDeadlockRetries(() =>
      this.db.transaction(async tx => {
        await this.claimEntities(
          tx,
          [...byRef.values()]
            .filter(({ results }) => results.length > 0)
            .map(({ entity, results }) => evaluatedEntityRow(entity, results)),
        );
        const previous = await this.readStoredEntities(tx, refs);
        // Read under the claim's locks: a newer evaluation stored meanwhile
        // is what this write is compared with.
        const writes = [...byRef.values()].filter(
          ({ entity, results }) =>
            !isOlderThanStored(results, previous.get(entity.ref)),
        );
        const entityRows = writes
          .filter(({ results }) => results.length > 0)
          .map(({ entity, results }) => evaluatedEntityRow(entity, results));
        const changedRows: ResultRow[] = [];
        const goneResults: Array<[string, string]> = [];
        const unscoredRefs: string[] = [];
        const historyRows: HistoryRow[] = [];
        const checkRows: CheckRow[] = [];
        const staleChecks: StaleChecks[] = [];
        const written: WrittenResult[] = [];
        // Only gathered for listeners, so that without any it costs nothing.
        const recorded: RecordedChange[] = [];
        for (const { entity, results } of writes) {
          const stored = previous.get(entity.ref);
          const before = versionedResultsOf(stored);
          for (const { result, scorecardVersion } of results) {
            const row = resultRow(entity, result, scorecardVersion);
            const storedRow = stored?.rows.get(result.scorecard.id);
            if (!storedRow || !sameResultRow(storedRow, row)) {
              changedRows.push(row);
              written.push({ entity, result });
            }
            const change = describeChange(before.get(result.scorecard.id), {
              result,
              entityEtag: entity.etag,
              scorecardVersion,
            });
            if (change) {
              historyRows.push(historyRow(entity.ref, change));
              if (this.listeners.length > 0) {
                recorded.push(recordedChange(entity, change, result));
              }
            }
          }
          const current = new Set(results.map(r => r.result.scorecard.id));
          for (const scorecardId of stored?.rows.keys() ?? []) {
            if (!current.has(scorecardId)) {
              goneResults.push([entity.ref, scorecardId]);
            }
          }
          if (results.length === 0 && stored) {
            unscoredRefs.push(entity.ref);
          }
          const checks = changedCheckRows(entity.ref, before, results);
          staleChecks.push(...checks.stale);
          checkRows.push(...checks.rows);
        }
        for (const chunk of chunks(goneResults, ROWS_PER_STATEMENT)) {
          await tx(RESULTS_TABLE)
            .whereIn(['entity_ref', 'scorecard_id'], chunk)
            .delete();
        }
        for (const chunk of chunks(unscoredRefs, ROWS_PER_STATEMENT)) {
          await tx(ENTITIES_TABLE).whereIn('entity_ref', chunk).delete();
        }
        for (const chunk of chunks(goneResults, ROWS_PER_STATEMENT)) {
          await tx(CHECKS_TABLE)
            .whereIn(['entity_ref', 'scorecard_id'], chunk)
            .delete();
        }
        await this.deleteCheckRows(tx, staleChecks);
        await updateCampaignRows(tx, written, goneResults);
        // An upsert, because a concurrent writer of the same entity (the
        // change scan during a full run) may have inserted since the read.
        for (const chunk of chunks(changedRows, RESULT_ROWS_PER_STATEMENT)) {
          await tx(RESULTS_TABLE)
            .insert(chunk)
            .onConflict(['entity_ref', 'scorecard_id'])
            .merge();
        }
        for (const chunk of chunks(entityRows, ROWS_PER_STATEMENT)) {
          await tx(ENTITIES_TABLE)
            .insert(chunk)
            .onConflict('entity_ref')
            .merge();
        }
        await tx.batchInsert(HISTORY_TABLE, historyRows, ROWS_PER_STATEMENT);
        await tx.batchInsert(CHECKS_TABLE, checkRows, ROWS_PER_STATEMENT);
        if (recorded.length > 0) {
          for (const listener of this.listeners) {
            await listener.inTransaction?.(tx, recorded);
          }
        }
        return {
          outcome: { skipped: byRef.size - writes.length },
          changes: recorded,
        };
      }),
    );
    if (changes.length > 0) {
      await this.notifyCommitted(changes);
    }
    return outcome;
  }

  /** Tells the listeners of committed changes; their failures are logged. */
  private async notifyCommitted(recorded: RecordedChange[]): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener.afterCommit?.(recorded);
      } catch (error) {
        this.options.logger?.error(
          `A listener of stored readiness changes failed on ${recorded.length} change(s), which stay stored: ${error}`,
        );
      }
    }
  }

  /**
   * Deletes these checks' rows, found by entity and scorecard and deleted
   * by id: a lookup that names the check too lets SQLite, which has no
   * statistics, choose the status index and scan every entity's row of it.
   */
  private async deleteCheckRows(
    tx: Knex.Transaction,
    stale: StaleChecks[],
  ): Promise<void> {
    const key = (entityRef: string, scorecardId: string, checkId: string) =>
      JSON.stringify([entityRef, scorecardId, checkId]);
    for (const chunk of chunks(stale, ROWS_PER_STATEMENT)) {
      const wanted = new Set(
        chunk.flatMap(s =>
          s.checkIds.map(c => key(s.entityRef, s.scorecardId, c)),
        ),
      );
      const rows: Array<CheckRow & { id: number | string }> = await tx(
        CHECKS_TABLE,
      )
        .whereIn(
          ['entity_ref', 'scorecard_id'],
          chunk.map(s => [s.entityRef, s.scorecardId]),
        )
        .select('id', 'entity_ref', 'scorecard_id', 'check_id');
      const ids = rows
        .filter(r => wanted.has(key(r.entity_ref, r.scorecard_id, r.check_id)))
        .map(r => r.id);
      for (const idChunk of chunks(ids, ROWS_PER_STATEMENT)) {
        await tx(CHECKS_TABLE).whereIn('id', idChunk).delete();
      }
    }
  }

  /**
   * Gives the entities that are new a row (the etag and time are written
   * again at the end), so that with the rows read `FOR UPDATE` next, a
   * concurrent writer of the same entity waits until this one commits and
   * then reads what it wrote. SQLite runs one write transaction at a time.
   */
  private async claimEntities(
    tx: Knex.Transaction,
    rows: EvaluatedEntityRow[],
  ): Promise<void> {
    if (!locksRows(this.db)) {
      return;
    }
    const sorted = [...rows].sort((a, b) =>
      a.entity_ref < b.entity_ref ? -1 : 1,
    );
    for (const chunk of chunks(sorted, ROWS_PER_STATEMENT)) {
      await tx(ENTITIES_TABLE).insert(chunk).onConflict('entity_ref').ignore();
    }
  }

  /** The stored etags and result rows of these entities, by entity ref. */
  private async readStoredEntities(
    tx: Knex.Transaction,
    entityRefs: string[],
  ): Promise<Map<string, StoredEntity>> {
    const byEntity = new Map<string, StoredEntity>();
    for (const chunk of chunks(entityRefs, ROWS_PER_STATEMENT)) {
      const entities: EvaluatedEntityRow[] = await tx(ENTITIES_TABLE)
        .whereIn('entity_ref', chunk)
        .orderBy('entity_ref')
        .select('entity_ref', 'entity_etag', 'evaluated_at')
        .modify(query => {
          if (locksRows(this.db)) {
            query.forUpdate();
          }
        });
      for (const entity of entities) {
        byEntity.set(entity.entity_ref, {
          etag: entity.entity_etag,
          evaluatedAt: new Date(entity.evaluated_at).getTime(),
          rows: new Map(),
        });
      }
      const rows: Array<
        ComparedRow & Pick<ResultRow, 'entity_ref' | 'scorecard_id'>
      > = await tx(RESULTS_TABLE)
        .whereIn('entity_ref', chunk)
        .select('entity_ref', 'scorecard_id', ...COMPARED_COLUMNS);
      for (const row of rows) {
        let entity = byEntity.get(row.entity_ref);
        if (!entity) {
          entity = { etag: null, rows: new Map() };
          byEntity.set(row.entity_ref, entity);
        }
        entity.rows.set(row.scorecard_id, row);
      }
    }
    return byEntity;
  }
}
