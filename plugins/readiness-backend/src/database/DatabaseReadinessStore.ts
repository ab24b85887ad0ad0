import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  ChangeCause,
  ReadinessChange,
} from '@readiness/plugin-readiness-common';
import { Knex } from 'knex';
import { describeChange, VersionedResult } from './describeChange';
import {
  EntityGroups,
  LeaderboardGrouping,
  LeaderboardRow,
  ReadinessStore,
  ResultFilter,
  ResultSummary,
  ResultToStore,
  ScorecardStanding,
  StoredEntityResults,
} from './ReadinessStore';

const migrationsDir = resolvePackagePath(
  '@readiness/plugin-readiness-backend',
  'migrations',
);

const RESULTS_TABLE = 'readiness_scorecard_results';
const HISTORY_TABLE = 'readiness_history';

const GROUP_COLUMNS: Record<LeaderboardGrouping, string> = {
  owner: 'owner_ref',
  system: 'system_ref',
  domain: 'domain_ref',
};

interface LevelAggregateRow {
  group_ref?: string | null;
  level: string | null;
  entities: number | string;
  total: number | string | null;
}

/** Folds per-level counts and score sums into a standing. */
function standingOf(rows: LevelAggregateRow[]): ScorecardStanding {
  // Counts and sums come back as strings from PostgreSQL and MySQL.
  const entities = rows.reduce((n, row) => n + Number(row.entities), 0);
  const total = rows.reduce((n, row) => n + Number(row.total ?? 0), 0);
  return {
    entities,
    averageScore:
      entities > 0 ? Math.round((total / entities) * 10) / 10 : null,
    levelCounts: Object.fromEntries(
      rows.map(row => [row.level ?? 'none', Number(row.entities)]),
    ),
  };
}

interface ResultRow {
  entity_ref: string;
  scorecard_id: string;
  entity_etag: string | null;
  scorecard_version: string | null;
  owner_ref: string | null;
  system_ref: string | null;
  domain_ref: string | null;
  score: number;
  level: string | null;
  evaluated_at: Date;
  result: string;
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

  private constructor(private readonly db: Knex) {}

  async replaceEntityResults(
    entity: { ref: string; etag: string | null; groups?: EntityGroups },
    results: ResultToStore[],
  ): Promise<void> {
    const rows: ResultRow[] = results.map(({ result, scorecardVersion }) => ({
      entity_ref: entity.ref,
      scorecard_id: result.scorecard.id,
      entity_etag: entity.etag,
      scorecard_version: scorecardVersion,
      owner_ref: entity.groups?.owner ?? null,
      system_ref: entity.groups?.system ?? null,
      domain_ref: entity.groups?.domain ?? null,
      score: result.score,
      level: result.level,
      evaluated_at: new Date(result.evaluatedAt),
      result: JSON.stringify(result),
    }));
    await this.db.transaction(async tx => {
      const previous = await this.readVersioned(tx, entity.ref);
      const changes = results.flatMap(({ result, scorecardVersion }) => {
        const change = describeChange(previous.get(result.scorecard.id), {
          result,
          entityEtag: entity.etag,
          scorecardVersion,
        });
        return change ? [this.historyRow(entity.ref, change)] : [];
      });
      await tx(RESULTS_TABLE).where({ entity_ref: entity.ref }).delete();
      if (rows.length > 0) {
        await tx(RESULTS_TABLE).insert(rows);
      }
      if (changes.length > 0) {
        await tx(HISTORY_TABLE).insert(changes);
      }
    });
  }

  private async readVersioned(
    tx: Knex.Transaction,
    entityRef: string,
  ): Promise<Map<string, VersionedResult>> {
    const rows: Pick<
      ResultRow,
      'scorecard_id' | 'entity_etag' | 'scorecard_version' | 'result'
    >[] = await tx(RESULTS_TABLE)
      .where({ entity_ref: entityRef })
      .select('scorecard_id', 'entity_etag', 'scorecard_version', 'result');
    return new Map(
      rows.map(row => [
        row.scorecard_id,
        {
          result: JSON.parse(row.result),
          entityEtag: row.entity_etag,
          scorecardVersion: row.scorecard_version,
        },
      ]),
    );
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

  async getEntityResults(entityRef: string): Promise<StoredEntityResults> {
    const rows: Pick<ResultRow, 'scorecard_id' | 'entity_etag' | 'result'>[] =
      await this.db(RESULTS_TABLE)
        .where({ entity_ref: entityRef })
        .select('scorecard_id', 'entity_etag', 'result');
    return {
      entityEtag: rows[0]?.entity_etag ?? null,
      results: new Map(
        rows.map(row => [row.scorecard_id, JSON.parse(row.result)]),
      ),
    };
  }

  async deleteResultsEvaluatedBefore(time: Date): Promise<number> {
    return this.db(RESULTS_TABLE).where('evaluated_at', '<', time).delete();
  }

  async getScorecardStanding(scorecardId: string): Promise<ScorecardStanding> {
    const rows: LevelAggregateRow[] = await this.db(RESULTS_TABLE)
      .where({ scorecard_id: scorecardId })
      .groupBy('level')
      .select('level')
      .count({ entities: '*' })
      .sum({ total: 'score' });
    return standingOf(rows);
  }

  async getLeaderboard(
    scorecardId: string,
    groupBy: LeaderboardGrouping,
  ): Promise<LeaderboardRow[]> {
    const column = GROUP_COLUMNS[groupBy];
    const rows: LevelAggregateRow[] = await this.db(RESULTS_TABLE)
      .where({ scorecard_id: scorecardId })
      .groupBy(column, 'level')
      .select({ group_ref: column, level: 'level' })
      .count({ entities: '*' })
      .sum({ total: 'score' });
    const byGroup = new Map<string | null, LevelAggregateRow[]>();
    for (const row of rows) {
      const group = row.group_ref ?? null;
      byGroup.set(group, [...(byGroup.get(group) ?? []), row]);
    }
    return [...byGroup].map(([group, levelRows]) => ({
      group,
      ...standingOf(levelRows),
    }));
  }

  async listResults(
    filter: ResultFilter,
    page: { limit: number; offset: number },
  ): Promise<ResultSummary[]> {
    const query = this.db(RESULTS_TABLE).where({
      scorecard_id: filter.scorecardId,
    });
    if (filter.level === 'none') {
      query.whereNull('level');
    } else if (filter.level) {
      query.where({ level: filter.level });
    }
    for (const grouping of ['owner', 'system', 'domain'] as const) {
      const ref = filter[grouping];
      if (ref) {
        query.where(GROUP_COLUMNS[grouping], ref);
      }
    }
    const rows: Pick<
      ResultRow,
      'entity_ref' | 'score' | 'level' | 'evaluated_at'
    >[] = await query
      .select('entity_ref', 'score', 'level', 'evaluated_at')
      .orderBy([
        { column: 'score', order: 'asc' },
        { column: 'entity_ref', order: 'asc' },
      ])
      .limit(page.limit)
      .offset(page.offset);
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

  async deleteHistoryBefore(time: Date): Promise<number> {
    return this.db(HISTORY_TABLE).where('changed_at', '<', time).delete();
  }
}
