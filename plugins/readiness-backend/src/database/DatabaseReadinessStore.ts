import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ScorecardResult } from '@readiness/plugin-readiness-common';
import { Knex } from 'knex';
import { ReadinessStore, StoredEntityResults } from './ReadinessStore';

const migrationsDir = resolvePackagePath(
  '@readiness/plugin-readiness-backend',
  'migrations',
);

const RESULTS_TABLE = 'readiness_scorecard_results';

interface ResultRow {
  entity_ref: string;
  scorecard_id: string;
  entity_etag: string | null;
  score: number;
  level: string | null;
  evaluated_at: Date;
  result: string;
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
    entity: { ref: string; etag: string | null },
    results: ScorecardResult[],
  ): Promise<void> {
    const rows: ResultRow[] = results.map(result => ({
      entity_ref: entity.ref,
      scorecard_id: result.scorecard.id,
      entity_etag: entity.etag,
      score: result.score,
      level: result.level,
      evaluated_at: new Date(result.evaluatedAt),
      result: JSON.stringify(result),
    }));
    await this.db.transaction(async tx => {
      await tx(RESULTS_TABLE).where({ entity_ref: entity.ref }).delete();
      if (rows.length > 0) {
        await tx(RESULTS_TABLE).insert(rows);
      }
    });
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
}
