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
  ResultToStore,
  StoredEntityResults,
  StoredFacts,
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

/** What is stored of an entity: its etag, and its result rows by scorecard. */
interface StoredEntity {
  etag: string | null;
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

/** An entity's row as a write with these results leaves it. */
function evaluatedEntityRow(
  entity: EntityToStore,
  results: ResultToStore[],
): EvaluatedEntityRow {
  return {
    entity_ref: entity.ref,
    entity_etag: entity.etag,
    evaluated_at: new Date(
      Math.max(...results.map(r => Date.parse(r.result.evaluatedAt))),
    ),
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
  ): Promise<void> {
    await this.replaceResultsOfEntities([{ entity, results }]);
  }

  async replaceResultsOfEntities(
    batch: Array<{ entity: EntityToStore; results: ResultToStore[] }>,
  ): Promise<void> {
    // The last write of an entity in a batch wins, as if written in order.
    const byRef = new Map(batch.map(item => [item.entity.ref, item]));
    const refs = [...byRef.keys()];
    if (refs.length === 0) {
      return;
    }
    await withDeadlockRetries(() =>
      this.db.transaction(async tx => {
        const entityRows = [...byRef.values()]
          .filter(({ results }) => results.length > 0)
          .map(({ entity, results }) => evaluatedEntityRow(entity, results));
        await this.claimEntities(tx, entityRows);
        const previous = await this.readStoredEntities(tx, refs);
        const changedRows: ResultRow[] = [];
        const goneResults: Array<[string, string]> = [];
        const unscoredRefs: string[] = [];
        const historyRows: HistoryRow[] = [];
        const checkRows: CheckRow[] = [];
        const staleChecks: StaleChecks[] = [];
        for (const { entity, results } of byRef.values()) {
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
      const entities: Pick<EvaluatedEntityRow, 'entity_ref' | 'entity_etag'>[] =
        await tx(ENTITIES_TABLE)
          .whereIn('entity_ref', chunk)
          .orderBy('entity_ref')
          .select('entity_ref', 'entity_etag')
          .modify(query => {
            if (this.locksRows) {
              query.forUpdate();
            }
          });
      for (const entity of entities) {
        byEntity.set(entity.entity_ref, {
          etag: entity.entity_etag,
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

  async deleteResultsEvaluatedBefore(time: Date): Promise<number> {
    return this.db.transaction(async tx => {
      const removed = await tx(RESULTS_TABLE)
        .whereIn(
          'entity_ref',
          tx(ENTITIES_TABLE)
            .where('evaluated_at', '<', time)
            .select('entity_ref'),
        )
        .delete();
      await tx(ENTITIES_TABLE).where('evaluated_at', '<', time).delete();
      if (removed > 0) {
        await tx(CHECKS_TABLE)
          .whereNotExists(
            tx(RESULTS_TABLE)
              .select(tx.raw('1'))
              .whereRaw('??.?? = ??.??', [
                RESULTS_TABLE,
                'entity_ref',
                CHECKS_TABLE,
                'entity_ref',
              ])
              .whereRaw('??.?? = ??.??', [
                RESULTS_TABLE,
                'scorecard_id',
                CHECKS_TABLE,
                'scorecard_id',
              ]),
          )
          .delete();
        await tx(FACTS_TABLE)
          .whereNotExists(
            tx(RESULTS_TABLE)
              .select(tx.raw('1'))
              .whereRaw('??.?? = ??.??', [
                RESULTS_TABLE,
                'entity_ref',
                FACTS_TABLE,
                'entity_ref',
              ]),
          )
          .delete();
      }
      return removed;
    });
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
    page: { limit: number; offset: number },
  ): Promise<ResultSummary[]> {
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
    const order = (table: string) => [
      { column: 'score', order: 'asc' },
      { column: `${table}.entity_ref`, order: 'asc' },
    ];
    // The page first, then the evaluation times of its entities only.
    const pageOfResults = query
      .select(`${RESULTS_TABLE}.entity_ref`, 'score', 'level')
      .orderBy(order(RESULTS_TABLE))
      .limit(page.limit)
      .offset(page.offset)
      .as('page');
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
    }[] = await this.db(FACTS_TABLE)
      .where({ entity_ref: entityRef })
      .select('collector_id', 'observed_at', 'facts');
    return new Map(
      rows.map(row => [
        row.collector_id,
        { observedAt: isoTime(row.observed_at), facts: JSON.parse(row.facts) },
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
      })
      .onConflict(['entity_ref', 'collector_id'])
      .merge(['observed_at', 'facts']);
  }

  async deleteHistoryBefore(time: Date): Promise<number> {
    return this.db(HISTORY_TABLE).where('changed_at', '<', time).delete();
  }
}
