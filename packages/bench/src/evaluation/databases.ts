import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';

/** A benchmark database: its knex, its size, and how to remove it. */
export interface BenchDatabase {
  knex: Knex;
  sizeBytes(): Promise<number>;
  drop(): Promise<void>;
}

export type DatabaseKind = 'sqlite' | 'postgres';

/** `READINESS_BENCH_POSTGRES`, or the local server the tests use. */
export const POSTGRES =
  process.env.READINESS_BENCH_POSTGRES ??
  'postgresql://postgres@127.0.0.1:5432';

export async function createDatabase(
  kind: DatabaseKind,
  name: string,
): Promise<BenchDatabase> {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readiness-bench-'));
    const file = path.join(dir, `${name}.sqlite`);
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: file },
      useNullAsDefault: true,
    });
    return {
      knex,
      async sizeBytes() {
        return fs
          .readdirSync(dir)
          .reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
      },
      async drop() {
        await knex.destroy();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = knexFactory({ client: 'pg', connection: POSTGRES });
  await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
  await admin.raw('CREATE DATABASE ??', [name]);
  await admin.destroy();
  const knex = knexFactory({
    client: 'pg',
    connection: `${POSTGRES.replace(/\/$/, '')}/${name}`,
    pool: { min: 0, max: 10 },
  });
  return {
    knex,
    async sizeBytes() {
      const { rows } = await knex.raw(
        'SELECT pg_database_size(current_database()) AS size',
      );
      return Number(rows[0].size);
    },
    async drop() {
      await knex.destroy();
      const cleanup = knexFactory({ client: 'pg', connection: POSTGRES });
      await cleanup.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
      await cleanup.destroy();
    },
  };
}

/** Sizes of a database: on disk, and of its tables with their indexes. */
export interface DatabaseSize {
  name: string;
  databaseBytes: number;
  tablesBytes: number;
  /** The largest tables, with their indexes and TOAST, and their rows. */
  tables: Array<{
    table: string;
    bytes: number;
    liveRows: number;
    deadRows: number;
  }>;
}

function connect(name: string): Knex {
  return knexFactory({
    client: 'pg',
    connection: `${POSTGRES.replace(/\/$/, '')}/${name}`,
  });
}

/**
 * Runs VACUUM on a PostgreSQL database: what autovacuum does between
 * scheduled runs that are minutes apart, done at once when a benchmark
 * runs them back to back. Space of deleted rows becomes reusable; files do
 * not shrink.
 */
export async function vacuumDatabase(name: string): Promise<void> {
  const knex = connect(name);
  try {
    await knex.raw('VACUUM (ANALYZE)');
  } finally {
    await knex.destroy();
  }
}

/**
 * Runs ANALYZE on a PostgreSQL database, as autovacuum does soon after a
 * bulk load when it is on, and says so when it is off: stale statistics
 * after the first catalog run make the planner expect a dozen rows where
 * there are tens of thousands.
 */
export async function analyzeDatabase(name: string): Promise<void> {
  const knex = connect(name);
  try {
    const { rows } = await knex.raw('SHOW autovacuum');
    if (rows[0]?.autovacuum !== 'on') {
      process.stderr.write(
        `autovacuum is off on this server: running ANALYZE on ${name} as autovacuum would\n`,
      );
    }
    await knex.raw('ANALYZE');
  } finally {
    await knex.destroy();
  }
}

/** The PostgreSQL databases whose names start with `prefix`. */
async function databasesNamed(admin: Knex, prefix: string): Promise<string[]> {
  const { rows } = await admin.raw(
    'SELECT datname FROM pg_database WHERE starts_with(datname, ?) ORDER BY datname',
    [prefix],
  );
  return rows.map((row: { datname: string }) => row.datname);
}

/**
 * Drops the PostgreSQL databases whose names start with `prefix`, as a
 * backend with `backend.database.prefix` creates one per plugin.
 */
export async function dropDatabases(prefix: string): Promise<void> {
  const admin = knexFactory({ client: 'pg', connection: POSTGRES });
  try {
    for (const name of await databasesNamed(admin, prefix)) {
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
    }
  } finally {
    await admin.destroy();
  }
}

/** The size of each PostgreSQL database whose name starts with `prefix`. */
export async function databaseSizes(prefix: string): Promise<DatabaseSize[]> {
  const admin = knexFactory({ client: 'pg', connection: POSTGRES });
  try {
    const sizes: DatabaseSize[] = [];
    for (const name of await databasesNamed(admin, prefix)) {
      const knex = connect(name);
      try {
        const { rows } = await knex.raw(
          `SELECT pg_database_size(current_database()) AS database,
             (SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE c.relkind = 'r' AND n.nspname = 'public') AS tables`,
        );
        const { rows: tables } = await knex.raw(
          `SELECT relname AS table, pg_total_relation_size(relid) AS bytes,
             n_live_tup AS live, n_dead_tup AS dead
             FROM pg_stat_user_tables ORDER BY bytes DESC LIMIT 6`,
        );
        sizes.push({
          name,
          databaseBytes: Number(rows[0].database),
          tablesBytes: Number(rows[0].tables),
          tables: tables.map(
            (t: {
              table: string;
              bytes: string;
              live: string;
              dead: string;
            }) => ({
              table: t.table,
              bytes: Number(t.bytes),
              liveRows: Number(t.live),
              deadRows: Number(t.dead),
            }),
          ),
        });
      } finally {
        await knex.destroy();
      }
    }
    return sizes;
  } finally {
    await admin.destroy();
  }
}
