import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';

jest.setTimeout(180_000);

const ENTITIES = 600;
const KILL_AFTER = 250;
const processScript = path.resolve(
  __dirname,
  '../__testUtils__/evaluationRunProcess.ts',
);

/** Runs the catalog run in a child process, killed with SIGKILL if asked. */
function runProcess(
  db: Knex.Config,
  killAfter?: number,
): Promise<{ output: string; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(
      process.execPath,
      ['--require', '@backstage/cli/config/nodeTransform.cjs', processScript],
      {
        cwd: path.resolve(__dirname, '../..'),
        env: {
          ...process.env,
          READINESS_TEST_DB: JSON.stringify(db),
          READINESS_TEST_ENTITIES: String(ENTITIES),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout!.on('data', chunk => {
      output += chunk;
      const evaluated = output.match(/evaluated (\d+)\n(?!.*evaluated)/s);
      if (killAfter && evaluated && Number(evaluated[1]) >= killAfter) {
        child.kill('SIGKILL');
      }
    });
    child.stderr!.on('data', chunk => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code !== 0 && signal === null) {
        reject(new Error(`evaluation process exited with ${code}: ${output}`));
      } else {
        resolve({ output, signal });
      }
    });
  });
}

const databases: Array<
  [string, () => Promise<[Knex.Config, () => Promise<void>]>]
> = [
  [
    'SQLite file',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readiness-kill-'));
      return [
        {
          client: 'better-sqlite3',
          connection: { filename: path.join(dir, 'readiness.sqlite') },
          useNullAsDefault: true,
        },
        async () => fs.rmSync(dir, { recursive: true, force: true }),
      ];
    },
  ],
];
const postgres =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
if (postgres) {
  databases.push([
    'PostgreSQL',
    async () => {
      const name = `readiness_kill_${process.pid}_${Date.now()}`;
      const admin = knexFactory({ client: 'pg', connection: postgres });
      await admin.raw('CREATE DATABASE ??', [name]);
      await admin.destroy();
      return [
        { client: 'pg', connection: `${postgres.replace(/\/$/, '')}/${name}` },
        async () => {
          const cleanup = knexFactory({ client: 'pg', connection: postgres });
          await cleanup.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
          await cleanup.destroy();
        },
      ];
    },
  ]);
}

describe('a backend killed during an evaluation run', () => {
  it.each(databases)(
    'completes on restart with no lost or duplicated history, %s',
    async (_name, create) => {
      const [db, drop] = await create();
      try {
        const killed = await runProcess(db, KILL_AFTER);
        expect(killed.signal).toBe('SIGKILL');

        const knex = knexFactory(db);
        try {
          const count = async (table: string) =>
            Number((await knex(table).count({ n: '*' }))[0].n);
          const partial = await count('readiness_scorecard_results');
          // Results are stored a page (200) at a time.
          expect(partial).toBeGreaterThanOrEqual(200);
          expect(partial).toBeLessThan(ENTITIES);

          const restarted = await runProcess(db);
          expect(restarted.output).toContain(
            `done {"evaluated":${ENTITIES},"failed":0,`,
          );

          expect(await count('readiness_scorecard_results')).toBe(ENTITIES);
          // One first evaluation per entity: none lost, none written twice.
          const history: Array<{ cause: string; n: number | string }> =
            await knex('readiness_history')
              .select('entity_ref', 'cause')
              .count({ n: '*' })
              .groupBy('entity_ref', 'cause');
          expect(history).toHaveLength(ENTITIES);
          expect(
            history.every(
              row => row.cause === 'first-evaluation' && Number(row.n) === 1,
            ),
          ).toBe(true);
          // Each entity's check rows exactly once.
          const checks = await knex('readiness_check_results')
            .select('entity_ref', 'check_id')
            .count({ n: '*' })
            .groupBy('entity_ref', 'check_id')
            .having(knex.raw('count(*) > 1'));
          expect(checks).toEqual([]);
        } finally {
          await knex.destroy();
        }
      } finally {
        await drop();
      }
    },
  );
});
