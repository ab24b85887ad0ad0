import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  ChangeCause,
  CheckStatus,
  EntityFilter,
  LeaderboardGrouping,
  NO_GROUP,
  ReadinessChange,
  ResultSummary,
  ScorecardResult,
  ScorecardStanding,
} from '@readiness/plugin-readiness-common';
import { Knex } from 'knex';
import { describeChange, VersionedResult } from './describeChange';
import {
  parseStoredResult,
  storedResultJson,
  toStoredResult,
} from './storedResult';
import {
  CheckStatusCounts,
  EntityToStore,
  GroupRanking,
  GroupStanding,
  ReadinessStore,
  ResultFilter,
  ResultPosition,
  ResultToStore,
  StoredEntityResults,
  StoredFacts,
  WriteOutcome,
} from './ReadinessStore';
import {
  aggregateOver,
  attributeColumns,
  CHECKS_TABLE,
  ENTITIES_TABLE,
  FACTS_TABLE,
  GROUP_COLUMNS,
  groupStandingsOf,
  HISTORY_TABLE,
  LevelAggregateRow,
  RESULTS_TABLE,
  standingOf,
  keysetRanges,
  whereEntityMatches,
  whereGroupIn,
} from './resultQueries';

const migrationsDir = resolvePackagePath(
  '@readiness/plugin-readiness-backend',
  'migrations',
);

const STATUSES: CheckStatus[] = [
  'pass',
  'fail',
  'unknown',
  'not-applicable',
  'waived',
];

interface ResultRow {
  entity_ref: string;
  scorecard_id: string;
  scorecard_version: string | null;
  owner_ref: string | null;
  system_ref: string | null;
  domain_ref: string | null;
  entity_kind: string | null;
  entity_type: string | null;
  lifecycle: string | null;
  tags: string | null;
  score: number;
  level: string | null;
  result: string;
}

/**
 * The columns that tell whether a result row must be written again. Score
 * and level are in the result's JSON (and come back from some databases as
 * imprecise floats).
 */
const COMPARED_COLUMNS = [
  'result',
  'scorecard_version',
  'owner_ref',
  'system_ref',
  'domain_ref',
  'entity_kind',
  'entity_type',
  'lifecycle',
  'tags',
] as const;

type ComparedRow = Pick<ResultRow, (typeof COMPARED_COLUMNS)[number]>;

function sameResultRow(stored: ComparedRow, row: ResultRow): boolean {
  return COMPARED_COLUMNS.every(column => stored[column] === row[column]);
}

interface EvaluatedEntityRow {
  entity_ref: string;
  entity_etag: string | null;
  evaluated_at: Date | string | number;
}

/**
 * What is stored of an entity: its etag, when it was evaluated, and its
 * result rows by scorecard.
 */
interface StoredEntity {
  etag: string | null;
  /** Milliseconds; `undefined` for result rows without an entity row. */
  evaluatedAt?: number;
  rows: Map<string, ComparedRow & Pick<ResultRow, 'scorecard_id'>>;
}

interface HistoryRow {
  entity_ref: string;
  scorecard_id: string;
  changed_at: Date | string | number;
  cause: ChangeCause;
  level_before: string | null;
  level_after: string | null;
  score_before: number | null;
  score_after: number;
  checks: string;
}

interface CheckRow {
  entity_ref: string;
  scorecard_id: string;
  check_id: string;
  status: CheckStatus;
}

/** Rows per statement: well under every database's limit on parameters. */
const ROWS_PER_STATEMENT = 500;

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}

/** Checks of one entity and scorecard whose rows go. */
interface StaleChecks {
  entityRef: string;
  scorecardId: string;
  checkIds: string[];
}

/**
 * The check rows to write for an entity, of checks whose status changed or
 * that are new, and the rows to delete first, of checks whose status
 * changed or that are no longer defined. Rows of unchanged checks stay.
 */
function changedCheckRows(
  entityRef: string,
  previous: Map<string, VersionedResult>,
  results: ResultToStore[],
): { stale: StaleChecks[]; rows: CheckRow[] } {
  const stale: StaleChecks[] = [];
  const rows: CheckRow[] = [];
  for (const { result } of results) {
    const scorecardId = result.scorecard.id;
    const before = new Map(
      previous.get(scorecardId)?.result.checks.map(c => [c.id, c.status]),
    );
    const checkIds: string[] = [];
    for (const check of result.checks) {
      const was = before.get(check.id);
      before.delete(check.id);
      if (was === check.status) {
        continue;
      }
      if (was !== undefined) {
        checkIds.push(check.id);
      }
      rows.push({
        entity_ref: entityRef,
        scorecard_id: scorecardId,
        check_id: check.id,
        status: check.status,
      });
    }
    checkIds.push(...before.keys());
    if (checkIds.length > 0) {
      stale.push({ entityRef, scorecardId, checkIds });
    }
  }
  return { stale, rows };
}

/** When a write's results were computed: the latest of their times. */
function evaluationTimeOf(results: ResultToStore[]): number | undefined {
  return results.length > 0
    ? Math.max(...results.map(r => Date.parse(r.result.evaluatedAt)))
    : undefined;
}

/**
 * Whether a write was computed before what is stored of its entity, so
 * that it must not replace it: the full run, the change scan and a refresh
 * evaluate an entity at different times and may store in another order. A
 * write without results carries no time and always applies.
 */
function isOlderThanStored(
  results: ResultToStore[],
  stored: StoredEntity | undefined,
): boolean {
  const time = evaluationTimeOf(results);
  return (
    time !== undefined &&
    stored?.evaluatedAt !== undefined &&
    time < stored.evaluatedAt
  );
}

/** An entity's row as a write with these results leaves it. */
function evaluatedEntityRow(
  entity: EntityToStore,
  results: ResultToStore[],
): EvaluatedEntityRow {
  return {
    entity_ref: entity.ref,
    entity_etag: entity.etag,
    evaluated_at: new Date(evaluationTimeOf(results)!),
  };
}

/** An entity's stored results as the history compares them, by scorecard. */
function versionedResultsOf(
  stored: StoredEntity | undefined,
): Map<string, VersionedResult> {
  const results = new Map<string, VersionedResult>();
  for (const [scorecardId, row] of stored?.rows ?? []) {
    results.set(scorecardId, {
      result: JSON.parse(row.result),
      entityEtag: stored!.etag,
      scorecardVersion: row.scorecard_version,
    });
  }
  return results;
}

/** Deadlock or serialization failure: MySQL/MariaDB and PostgreSQL. */
function isDeadlock(error: unknown): boolean {
  const { code } = (error ?? {}) as { code?: string };
  return code === 'ER_LOCK_DEADLOCK' || code === '40P01' || code === '40001';
}

/**
 * Runs a transaction again when the database chose it as a deadlock's
 * victim: two writers of one entity (the change scan during a full run) can
 * deadlock on MySQL's gap locks; the retry then sees the other's rows.
 */
async function withDeadlockRetries<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= 3 || !isDeadlock(error)) {
        throw error;
      }
    }
  }
}

/** SQLite returns dates as numbers or strings, the others as dates. */
function isoTime(value: Date | string | number): string {
  return new Date(value).toISOString();
}

/**
 * The knex implementation of {@link ReadinessStore}, for SQLite, PostgreSQL
 * and MySQL.
 *
 * @public
 */
export class DatabaseReadinessStore implements ReadinessStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseReadinessStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip && !options.skipMigrations) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseReadinessStore(client);
  }

  /** Whether the database locks rows; SQLite serialises transactions. */
  private readonly locksRows: boolean;

  private constructor(private readonly db: Knex) {
    this.locksRows = !String(db.client.config.client).includes('sqlite');
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
    return withDeadlockRetries(() =>
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
        for (const { entity, results } of writes) {
          const stored = previous.get(entity.ref);
          const before = versionedResultsOf(stored);
          for (const { result, scorecardVersion } of results) {
            const row = this.resultRow(entity, result, scorecardVersion);
            const storedRow = stored?.rows.get(result.scorecard.id);
            if (!storedRow || !sameResultRow(storedRow, row)) {
              changedRows.push(row);
            }
            const change = describeChange(before.get(result.scorecard.id), {
              result,
              entityEtag: entity.etag,
              scorecardVersion,
            });
            if (change) {
              historyRows.push(this.historyRow(entity.ref, change));
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
        // Few rows per statement for results: each holds a whole result. An
        // upsert, because a concurrent writer of the same entity (the change
        // scan during a full run) may have inserted since the read.
        for (const chunk of chunks(changedRows, 50)) {
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
        return { skipped: byRef.size - writes.length };
      }),
    );
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

  private resultRow(
    entity: EntityToStore,
    result: ScorecardResult,
    scorecardVersion: string,
  ): ResultRow {
    return {
      entity_ref: entity.ref,
      scorecard_id: result.scorecard.id,
      scorecard_version: scorecardVersion,
      ...attributeColumns(entity.attributes),
      score: result.score,
      level: result.level,
      result: storedResultJson(toStoredResult(result)),
    };
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
    if (!this.locksRows) {
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
          if (this.locksRows) {
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

  private historyRow(entityRef: string, change: ReadinessChange): HistoryRow {
    return {
      entity_ref: entityRef,
      scorecard_id: change.scorecard,
      changed_at: new Date(change.changedAt),
      cause: change.cause,
      level_before: change.levelBefore,
      level_after: change.levelAfter,
      score_before: change.scoreBefore,
      score_after: change.scoreAfter,
      checks: JSON.stringify(change.checks),
    };
  }

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

  /**
   * Deletes the facts, observed before this time, of entities without
   * results: those no scorecard applies to any more, whose results a write
   * removed, and those whose first results never got stored.
   */
  private async deleteFactsOfUnscored(time: Date): Promise<void> {
    await this.db(FACTS_TABLE)
      .where('observed_at', '<', time)
      .whereNotExists(
        this.db(ENTITIES_TABLE)
          .select(this.db.raw('1'))
          .whereRaw('??.?? = ??.??', [
            ENTITIES_TABLE,
            'entity_ref',
            FACTS_TABLE,
            'entity_ref',
          ]),
      )
      .delete();
  }

  /**
   * Deletes what is stored of these entities if they are still evaluated
   * before this time: the rows are read `FOR UPDATE`, as writers claim
   * them, so an entity evaluated again since the candidates were read keeps
   * its new results. Returns how many results went.
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
        if (this.locksRows) {
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
    await tx(FACTS_TABLE).whereIn('entity_ref', refs).delete();
    return removed;
  }

  async getScorecardStanding(
    scorecardId: string,
    visible?: ReadonlySet<string>,
  ): Promise<ScorecardStanding> {
    const rows = await aggregateOver<LevelAggregateRow>(
      visible,
      'entity_ref',
      () =>
        this.db(RESULTS_TABLE)
          .where({ scorecard_id: scorecardId })
          .groupBy('level')
          .select('level')
          .count({ entities: '*' })
          .sum({ total: 'score' }),
    );
    return standingOf(rows);
  }

  async getCheckStatusCounts(
    scorecardId: string,
    visible?: ReadonlySet<string>,
  ): Promise<CheckStatusCounts> {
    const rows = await aggregateOver<{
      check_id: string;
      status: CheckStatus;
      n: number | string;
    }>(visible, 'entity_ref', () =>
      this.db(CHECKS_TABLE)
        .where({ scorecard_id: scorecardId })
        .groupBy('check_id', 'status')
        .select('check_id', 'status')
        .count({ n: '*' }),
    );
    const counts: CheckStatusCounts = new Map();
    for (const row of rows) {
      let checkCounts = counts.get(row.check_id);
      if (!checkCounts) {
        checkCounts = Object.fromEntries(STATUSES.map(s => [s, 0])) as Record<
          CheckStatus,
          number
        >;
        counts.set(row.check_id, checkCounts);
      }
      checkCounts[row.status] += Number(row.n);
    }
    return counts;
  }

  async getLeaderboard(
    scorecardId: string,
    groupBy: LeaderboardGrouping,
    filter: EntityFilter,
    visible?: ReadonlySet<string>,
    groups?: ReadonlyArray<string | null>,
  ): Promise<GroupStanding[]> {
    const column = GROUP_COLUMNS[groupBy];
    const rows = await aggregateOver<LevelAggregateRow>(
      visible,
      'entity_ref',
      () =>
        whereGroupIn(
          whereEntityMatches(
            this.db(RESULTS_TABLE).where({ scorecard_id: scorecardId }),
            filter,
          ),
          column,
          groups,
        )
          .groupBy(column, 'level')
          .select({ group_ref: column, level: 'level' })
          .count({ entities: '*' })
          .sum({ total: 'score' }),
    );
    return groupStandingsOf(rows);
  }

  async getLeaderboardAt(
    time: Date,
    scorecardId: string,
    groupBy: LeaderboardGrouping,
    filter: EntityFilter,
    visible?: ReadonlySet<string>,
    groups?: ReadonlyArray<string | null>,
  ): Promise<GroupStanding[]> {
    // Nothing recorded by then (a young installation, a short history
    // retention): no group had a standing, and no need to look further.
    const anyThen = await this.db(HISTORY_TABLE)
      .where({ scorecard_id: scorecardId })
      .where('changed_at', '<=', time)
      .first('id');
    if (!anyThen) {
      return [];
    }
    const column = `${RESULTS_TABLE}.${GROUP_COLUMNS[groupBy]}`;
    const level = `${HISTORY_TABLE}.level_after`;
    // Each entity's last recorded change up to then, in one pass over the
    // history; ids grow with time, so the highest id is the latest change.
    const lastChangesThen = this.db(HISTORY_TABLE)
      .where({ scorecard_id: scorecardId })
      .where('changed_at', '<=', time)
      .groupBy('entity_ref')
      .select('entity_ref', this.db.raw('max(id) as last_id'))
      .as('latest');
    const rows = await aggregateOver<LevelAggregateRow>(
      visible,
      `${RESULTS_TABLE}.entity_ref`,
      () =>
        whereGroupIn(
          whereEntityMatches(
            this.db(RESULTS_TABLE)
              .join(
                lastChangesThen,
                'latest.entity_ref',
                `${RESULTS_TABLE}.entity_ref`,
              )
              .join(HISTORY_TABLE, `${HISTORY_TABLE}.id`, 'latest.last_id')
              .where(`${RESULTS_TABLE}.scorecard_id`, scorecardId),
            filter,
          ),
          column,
          groups,
        )
          .groupBy(column, level)
          .select({ group_ref: column, level })
          .count({ entities: '*' })
          .sum({ total: `${HISTORY_TABLE}.score_after` }),
    );
    return groupStandingsOf(rows);
  }

  async rankGroups(
    scorecardId: string,
    groupBy: LeaderboardGrouping,
    filter: EntityFilter,
    ranking: GroupRanking,
    page: { limit: number; offset: number },
  ): Promise<{ groups: Array<string | null>; total: number }> {
    const column = GROUP_COLUMNS[groupBy];
    const grouped = () =>
      whereEntityMatches(
        this.db(RESULTS_TABLE).where({ scorecard_id: scorecardId }),
        filter,
      ).groupBy(column);
    const byGroup = (direction: 'asc' | 'desc') =>
      `CASE WHEN ?? IS NULL THEN 0 ELSE 1 END ${direction}, ?? ${direction}`;
    const query = grouped().select({ group_ref: column });
    if (ranking.orderBy === 'group') {
      query.orderByRaw(byGroup(ranking.order), [column, column]);
    } else {
      const measure =
        ranking.orderBy === 'entities' ? 'count(*)' : 'avg(score)';
      query.orderByRaw(`${measure} ${ranking.order}, ${byGroup('asc')}`, [
        column,
        column,
      ]);
    }
    const rows: Array<{ group_ref: string | null; total: number | string }> =
      await query
        .select(this.db.raw('count(*) over () as total'))
        .limit(page.limit)
        .offset(page.offset);
    if (rows.length > 0) {
      return {
        groups: rows.map(row => row.group_ref),
        total: Number(rows[0].total),
      };
    }
    // A page past the end: the count of groups alone.
    const [{ n }] = await this.db
      .from(grouped().select(this.db.raw('1 as one')).as('groups'))
      .count({ n: '*' });
    return { groups: [], total: Number(n) };
  }

  async listResults(
    filter: ResultFilter,
    page: { limit: number; after?: ResultPosition },
  ): Promise<ResultSummary[]> {
    const order = (table: string) => [
      { column: 'score', order: 'asc' },
      { column: `${table}.entity_ref`, order: 'asc' },
    ];
    const firstOfRange = (narrow: (query: Knex.QueryBuilder) => unknown) =>
      this.matchingResults(filter)
        .modify(narrow)
        .select(`${RESULTS_TABLE}.entity_ref`, 'score', 'level')
        .orderBy(order(RESULTS_TABLE))
        .limit(page.limit);
    // The page first, then the evaluation times of its entities only.
    let pageOfResults: Knex.QueryBuilder;
    if (page.after) {
      // Each range of the score index read only as far as a page: one
      // condition with OR would read all of a tie to find where to start.
      const [tied, higher] = keysetRanges(this.db, page.after).map(
        (narrow, index) =>
          this.db.select('*').from(firstOfRange(narrow).as(`range${index}`)),
      );
      pageOfResults = this.db
        .select('*')
        .from(tied.unionAll(higher).as('ranges'))
        .orderBy(order('ranges'))
        .limit(page.limit)
        .as('page');
    } else {
      pageOfResults = firstOfRange(() => {}).as('page');
    }
    const rows: Array<
      Pick<ResultRow, 'entity_ref' | 'score' | 'level'> &
        Pick<EvaluatedEntityRow, 'evaluated_at'>
    > = await this.db
      .from(pageOfResults)
      .join(ENTITIES_TABLE, `${ENTITIES_TABLE}.entity_ref`, 'page.entity_ref')
      .select('page.entity_ref', 'score', 'level', 'evaluated_at')
      .orderBy(order('page'));
    return rows.map(row => ({
      entityRef: row.entity_ref,
      score: Number(row.score),
      level: row.level,
      evaluatedAt: isoTime(row.evaluated_at),
    }));
  }

  /** The results of the filter's scorecard that match the filter. */
  private matchingResults(filter: ResultFilter): Knex.QueryBuilder {
    const query = whereEntityMatches(
      this.db(RESULTS_TABLE).where({ scorecard_id: filter.scorecardId }),
      filter,
    );
    if (filter.status) {
      query.whereExists(
        this.db(CHECKS_TABLE)
          .select(this.db.raw('1'))
          .whereRaw('??.?? = ??.??', [
            CHECKS_TABLE,
            'entity_ref',
            RESULTS_TABLE,
            'entity_ref',
          ])
          .where(`${CHECKS_TABLE}.scorecard_id`, filter.scorecardId)
          .where(`${CHECKS_TABLE}.status`, filter.status)
          .modify(q => {
            if (filter.check) {
              q.where(`${CHECKS_TABLE}.check_id`, filter.check);
            }
          }),
      );
    }
    if (filter.level === 'none') {
      query.whereNull('level');
    } else if (filter.level) {
      query.where({ level: filter.level });
    }
    for (const grouping of ['owner', 'system', 'domain'] as const) {
      const ref = filter[grouping];
      if (ref === NO_GROUP) {
        query.whereNull(GROUP_COLUMNS[grouping]);
      } else if (ref) {
        query.where(GROUP_COLUMNS[grouping], ref);
      }
    }
    return query;
  }

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
    }));
  }

  async getEntityFacts(entityRef: string): Promise<Map<string, StoredFacts>> {
    const rows: {
      collector_id: string;
      observed_at: Date | string | number;
      facts: string;
      target: string | null;
    }[] = await this.db(FACTS_TABLE)
      .where({ entity_ref: entityRef })
      .select('collector_id', 'observed_at', 'facts', 'target');
    return new Map(
      rows.map(row => [
        row.collector_id,
        {
          observedAt: isoTime(row.observed_at),
          facts: JSON.parse(row.facts),
          ...(row.target ? { target: row.target } : {}),
        },
      ]),
    );
  }

  async saveEntityFacts(
    entityRef: string,
    collectorId: string,
    facts: StoredFacts,
  ): Promise<void> {
    await this.db(FACTS_TABLE)
      .insert({
        entity_ref: entityRef,
        collector_id: collectorId,
        observed_at: new Date(facts.observedAt),
        facts: JSON.stringify(facts.facts),
        target: facts.target ?? null,
      })
      .onConflict(['entity_ref', 'collector_id'])
      .merge(['observed_at', 'facts', 'target']);
  }

  async deleteHistoryBefore(time: Date): Promise<number> {
    return this.db(HISTORY_TABLE).where('changed_at', '<', time).delete();
  }
}
