/*
 * `yarn bench:api [--entities 10000,100000] [--db postgres|sqlite]
 * [--seconds 10] [--connections 10] [--campaigns 0]`: starts a bench backend
 * with the Readiness backend plugin over a generated organisation, waits for
 * its scheduled catalog run to evaluate everything (and times it), then puts
 * load on the entity, leaderboard and results endpoints from this process;
 * with `--campaigns <n>`, n campaigns are in force and the campaigns
 * endpoints are measured too. Prints a table, then one JSON line per
 * configuration.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Entity } from '@backstage/catalog-model';
import { appliesToEntity } from '@readiness/plugin-readiness-common';
import profile from '../profile/profile.json';
import { generateOrganisation } from '../generate/generateOrganisation';
import {
  analyzeDatabase,
  dropDatabases,
  databaseSizes,
  POSTGRES,
} from '../evaluation/databases';
import { BenchBackend } from '../backend/BenchBackend';
import { BenchDatabaseConfig } from '../backend/BenchBackendOptions';
import {
  LOAD_HEADER,
  LoadFigures,
  loadRow,
  measureLoad,
} from '../backend/load';
import { benchCampaigns } from '../evaluation/benchCampaigns';
import { measureCampaignLoads } from './campaignLoads';
import {
  EVALUATION_TASK,
  MEASURED_RUN_SCHEDULE,
  option,
  printTable,
} from '../backend/cliHelpers';

const SCORECARD = 'production-readiness';

interface ApiFigures {
  entities: number;
  database: string;
  campaigns: number;
  scored: Record<string, number>;
  /** The first scheduled catalog run, start to end. */
  fullRunSeconds?: number;
  databaseMb?: number;
  loads: LoadFigures[];
}

/** How many entities each scorecard should score. */
function expectedScored(
  entities: Entity[],
  definitions: Array<{ id: string; appliesTo?: any }>,
): Record<string, number> {
  return Object.fromEntries(
    definitions.map(d => [
      d.id,
      entities.filter(e => appliesToEntity(d.appliesTo, e)).length,
    ]),
  );
}

function benchDatabase(kind: string, prefix: string): BenchDatabaseConfig {
  if (kind === 'sqlite') {
    return {
      client: 'better-sqlite3',
      directory: fs.mkdtempSync(path.join(os.tmpdir(), 'readiness-bench-')),
    };
  }
  return { client: 'pg', connection: POSTGRES, prefix };
}

async function runConfiguration(
  count: number,
  kind: string,
  load: { seconds: number; connections: number },
  campaigns: number,
): Promise<ApiFigures> {
  const prefix = `readiness_bench_api_${count}_`;
  if (kind === 'postgres') {
    await dropDatabases(prefix);
  }
  const entities = generateOrganisation(profile, count, 1);
  const database = benchDatabase(kind, prefix);
  const backend = await BenchBackend.start(`readiness-${count}-${kind}`, {
    entities: count,
    seed: 1,
    plugins: ['readiness'],
    database,
    config: {
      readiness: {
        schedule: MEASURED_RUN_SCHEDULE,
        ...(campaigns > 0 && {
          scorecards: benchCampaigns(campaigns).map(inline => ({ inline })),
        }),
      },
    },
  });
  try {
    process.stderr.write(
      `${count} entities on ${kind}: started (log ${backend.logFile}), evaluating\n`,
    );
    const runs = await backend.waitForRuns(
      'readiness',
      [EVALUATION_TASK],
      new Map(),
    );
    const run = runs.get(EVALUATION_TASK)!;
    if (run.error) {
      throw new Error(`The catalog run failed: ${run.error}`);
    }
    process.stderr.write(
      `${count} entities on ${kind}: evaluated in ${run.seconds?.toFixed(
        1,
      )} s\n`,
    );
    if (kind === 'postgres') {
      await analyzeDatabase(`${prefix}readiness`);
    }

    const list = await backend.json<{
      items: Array<{ id: string; entities: number }>;
    }>('/api/readiness/scorecards');
    const definitions = await Promise.all(
      list.items.map(async ({ id }) => ({
        id,
        appliesTo: (
          await backend.json<{ definition: { appliesTo?: unknown } }>(
            `/api/readiness/scorecards/${id}`,
          )
        ).definition.appliesTo,
      })),
    );
    const expected = expectedScored(entities, definitions);
    const scored = Object.fromEntries(
      list.items.map(item => [item.id, item.entities]),
    );
    for (const [id, n] of Object.entries(expected)) {
      if (scored[id] !== n) {
        throw new Error(`${id} scores ${scored[id]} entities, expected ${n}`);
      }
    }

    const names = entities
      .filter(e =>
        appliesToEntity(
          definitions.find(d => d.id === SCORECARD)?.appliesTo as any,
          e,
        ),
      )
      .map(e => e.metadata.name);
    const common = { url: backend.baseUrl, token: backend.token, ...load };
    const loads = [
      await measureLoad({
        ...common,
        name: 'GET /entities/component/default/{name}',
        path: () =>
          `/api/readiness/entities/component/default/${
            names[Math.floor(Math.random() * names.length)]
          }`,
      }),
      await measureLoad({
        ...common,
        name: `GET /leaderboard?groupBy=owner`,
        path: () =>
          `/api/readiness/leaderboard?scorecard=${SCORECARD}&groupBy=owner`,
      }),
      await measureLoad({
        ...common,
        name: `GET /results?limit=50`,
        path: () => `/api/readiness/results?scorecard=${SCORECARD}&limit=50`,
      }),
      ...(campaigns > 0
        ? await measureCampaignLoads(common, database, p => backend.json(p))
        : []),
    ];
    // The plugin's own database; the bench plugin's holds only signing keys.
    const sizes =
      kind === 'postgres' ? await databaseSizes(`${prefix}readiness`) : [];
    return {
      entities: entities.length,
      database: kind,
      campaigns,
      scored,
      fullRunSeconds: run.seconds && Math.round(run.seconds * 10) / 10,
      databaseMb:
        sizes.length > 0
          ? Math.round(
              (sizes.reduce((n, s) => n + s.databaseBytes, 0) / 1024 / 1024) *
                10,
            ) / 10
          : undefined,
      loads,
    };
  } finally {
    await backend.stop();
    if (kind === 'postgres') {
      await dropDatabases(prefix);
    } else if (database.client === 'better-sqlite3') {
      fs.rmSync(database.directory, { recursive: true, force: true });
    }
  }
}

async function main() {
  const counts = option('entities', '10000').split(',').map(Number);
  const kinds = option('db', 'postgres').split(',');
  const load = {
    seconds: Number(option('seconds', '10')),
    connections: Number(option('connections', '10')),
  };
  const campaigns = Number(option('campaigns', '0'));
  const results: ApiFigures[] = [];
  for (const count of counts) {
    for (const kind of kinds) {
      results.push(await runConfiguration(count, kind, load, campaigns));
    }
  }
  for (const r of results) {
    process.stdout.write(
      `\n${r.entities} entities on ${r.database}: catalog run ${
        r.fullRunSeconds
      } s, ${Object.entries(r.scored)
        .map(([id, n]) => `${n} scored on ${id}`)
        .join(', ')}${r.campaigns ? `, ${r.campaigns} campaigns` : ''}${
        r.databaseMb ? `, database ${r.databaseMb} MB` : ''
      }; ${load.connections} connections, ${load.seconds} s each\n`,
    );
    printTable(LOAD_HEADER, r.loads.map(loadRow));
  }
  for (const r of results) {
    process.stdout.write(`${JSON.stringify(r)}\n`);
  }
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
