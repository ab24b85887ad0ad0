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

/** `POSTGRES_URL`, or the local server the tests use. */
const POSTGRES =
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
