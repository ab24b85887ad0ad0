/*
 * `yarn bench:compare [--entities 10000] [--runs 30] [--seconds 10]`: the
 * same generated organisation served to two bench backends on PostgreSQL,
 * one with Readiness and one with Tech Insights (its JSON rules checker,
 * its three built-in fact retrievers and a bench retriever for the
 * annotations and links they lack, with the catalog-derived checks of the
 * production-readiness scorecard as its checks), each in a fresh database.
 * Measures, one backend at a time: collection (a whole run of every fact
 * retriever / a full catalog run), the database after `runs` runs with 2%
 * of the components changed before each, the entity page under load, and
 * everything an organisation-wide page needs. Prints a table, then one
 * `ratio` line per figure.
 */
import knexFactory from 'knex';
import { appliesToEntity } from '@readiness/plugin-readiness-common';
import profile from '../profile/profile.json';
import { generateOrganisation } from '../generate/generateOrganisation';
import {
  databaseSizes,
  DatabaseSize,
  dropDatabases,
  POSTGRES,
  vacuumDatabase,
} from '../evaluation/databases';
import { BenchBackend } from '../backend/BenchBackend';
import { LOAD_HEADER, loadRow, measureLoad } from '../backend/load';
import {
  EVALUATION_TASK,
  MEASURED_RUN_SCHEDULE,
  NO_CHANGE_SCAN,
  option,
  printTable,
} from '../backend/cliHelpers';
import {
  FACT_RETRIEVERS,
  TECH_INSIGHTS_CHECK_COUNT,
  techInsightsConfig,
} from './techInsightsConfig';

const SCORECARD = 'production-readiness';
const READINESS_PREFIX = 'readiness_bench_cmp_r_';
const TECH_INSIGHTS_PREFIX = 'readiness_bench_cmp_ti_';
const READINESS_DB = `${READINESS_PREFIX}readiness`;
const TECH_INSIGHTS_DB = `${TECH_INSIGHTS_PREFIX}tech-insights`;

const log = (message: string) => process.stderr.write(`${message}\n`);
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round1 = (n: number) => Math.round(n * 10) / 10;
const mb = (bytes: number) => round1(bytes / 1024 / 1024);

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = process.hrtime.bigint();
  const value = await fn();
  return [Number(process.hrtime.bigint() - started) / 1e9, value];
}

async function countRows(
  database: string,
  table: string,
): Promise<number | undefined> {
  const knex = knexFactory({
    client: 'pg',
    connection: `${POSTGRES.replace(/\/$/, '')}/${database}`,
  });
  try {
    const [{ n }] = await knex(table).count({ n: '*' });
    return Number(n);
  } catch {
    return undefined;
  } finally {
    await knex.destroy();
  }
}

const total = (sizes: DatabaseSize[], key: keyof DatabaseSize) =>
  sizes.reduce((n, s) => n + Number(s[key]), 0);

/** Everything an organisation-wide page shows, from Readiness. */
async function readinessOrganisation(backend: BenchBackend) {
  let owners = 0;
  for (let offset = 0; ; offset += 500) {
    const page = await backend.json<{ items: unknown[]; total: number }>(
      `/api/readiness/leaderboard?scorecard=${SCORECARD}&groupBy=owner&limit=500&offset=${offset}`,
    );
    owners += page.items.length;
    if (offset + 500 >= page.total) {
      break;
    }
  }
  let entities = 0;
  for (let cursor: string | null | undefined; cursor !== null; ) {
    const after = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page: { items: unknown[]; nextCursor: string | null } =
      await backend.json(
        `/api/readiness/results?scorecard=${SCORECARD}&limit=500${after}`,
      );
    entities += page.items.length;
    cursor = page.nextCursor;
  }
  return { owners, entities };
}

/**
 * Every scored entity's check results from Tech Insights' bulk endpoint, in
 * requests of 1,000 entities: its JSON body parser takes 100 kB at most,
 * about 2,800 refs.
 */
async function techInsightsOrganisation(
  backend: BenchBackend,
  refs: string[],
): Promise<number> {
  let answered = 0;
  for (let i = 0; i < refs.length; i += 1000) {
    const results = await backend.json<unknown[]>(
      '/api/tech-insights/checks/run',
      { method: 'POST', body: { entities: refs.slice(i, i + 1000) } },
    );
    answered += results.length;
  }
  return answered;
}

async function main() {
  const count = Number(option('entities', '10000'));
  const runs = Number(option('runs', '30'));
  // Scheduled runs are 30 minutes (Readiness) and hours (Tech Insights)
  // apart, time enough for autovacuum; back to back here, so VACUUM runs
  // after each unless `--vacuum none`.
  const vacuum = option('vacuum', 'between') !== 'none';
  const afterRun = async () => {
    if (vacuum) {
      await vacuumDatabase(READINESS_DB);
      await vacuumDatabase(TECH_INSIGHTS_DB);
    }
  };
  const load = {
    seconds: Number(option('seconds', '10')),
    connections: Number(option('connections', '10')),
  };
  const entities = generateOrganisation(profile, count, 1);

  await dropDatabases(READINESS_PREFIX);
  await dropDatabases(TECH_INSIGHTS_PREFIX);
  const common = { entities: count, seed: 1 };
  const started: BenchBackend[] = [];
  try {
    const readiness = await BenchBackend.start('readiness', {
      ...common,
      plugins: ['readiness'],
      database: {
        client: 'pg',
        connection: POSTGRES,
        prefix: READINESS_PREFIX,
      },
      config: {
        readiness: {
          schedule: MEASURED_RUN_SCHEDULE,
          changeDetection: NO_CHANGE_SCAN,
        },
      },
    });
    started.push(readiness);
    log(`Readiness backend started, log ${readiness.logFile}`);
    const firstReadinessRun = await readiness.waitForRuns(
      'readiness',
      [EVALUATION_TASK],
      new Map(),
    );
    const techInsights = await BenchBackend.start('tech-insights', {
      ...common,
      plugins: ['tech-insights'],
      database: {
        client: 'pg',
        connection: POSTGRES,
        prefix: TECH_INSIGHTS_PREFIX,
      },
      config: techInsightsConfig(),
    });
    started.push(techInsights);
    log(`Tech Insights backend started, log ${techInsights.logFile}`);
    const firstTechInsightsRuns = await techInsights.waitForRuns(
      'tech-insights',
      FACT_RETRIEVERS,
      new Map(),
    );
    for (const [id, run] of firstTechInsightsRuns) {
      if (run.error) {
        throw new Error(`${id} failed: ${run.error}`);
      }
    }

    const definition = await readiness.json<{
      definition: { appliesTo?: any };
    }>(`/api/readiness/scorecards/${SCORECARD}`);
    const scored = entities.filter(e =>
      appliesToEntity(definition.definition.appliesTo, e),
    );
    const refs = scored.map(e =>
      `component:default/${e.metadata.name}`.toLocaleLowerCase('en-US'),
    );
    const sample = await techInsights.json<unknown[]>(
      `/api/tech-insights/checks/run/default/component/${scored[0].metadata.name}`,
      { method: 'POST', body: {} },
    );
    if (sample.length !== TECH_INSIGHTS_CHECK_COUNT) {
      throw new Error(
        `Tech Insights ran ${sample.length} of ${TECH_INSIGHTS_CHECK_COUNT} checks for ${refs[0]}`,
      );
    }
    log(
      `${entities.length} entities, ${
        scored.length
      } scored; first runs done (Readiness ${firstReadinessRun
        .get(EVALUATION_TASK)
        ?.seconds?.toFixed(1)} s)`,
    );

    // (c) Collection: run 2 of each, alone on the machine's cores.
    const tiCollection = await techInsights.runTasks(
      'tech-insights',
      FACT_RETRIEVERS,
    );
    const readinessCollection = await readiness.runTasks('readiness', [
      EVALUATION_TASK,
    ]);
    await afterRun();
    log(
      `collection: Tech Insights ${tiCollection.seconds} s, Readiness ${readinessCollection.seconds} s`,
    );

    // (d) The database after `runs` runs, 2% of the components changed before each.
    for (let round = 3; round <= runs; round++) {
      for (const backend of [techInsights, readiness]) {
        await backend.json(`/api/bench/change?share=0.02&round=${round}`, {
          method: 'POST',
        });
      }
      await techInsights.runTasks('tech-insights', FACT_RETRIEVERS);
      await readiness.runTasks('readiness', [EVALUATION_TASK]);
      await afterRun();
      log(`run ${round} of ${runs} done`);
    }
    const readinessSizes = await databaseSizes(READINESS_PREFIX);
    const tiSizes = await databaseSizes(TECH_INSIGHTS_PREFIX);
    const factRows = await countRows(TECH_INSIGHTS_DB, 'facts');
    const historyRows = await countRows(READINESS_DB, 'readiness_history');

    // (a) The entity page under load.
    const pick = () =>
      scored[Math.floor(Math.random() * scored.length)].metadata.name;
    const tiEntity = await measureLoad({
      ...load,
      name: 'Tech Insights POST /checks/run/default/component/{name}',
      url: techInsights.baseUrl,
      token: techInsights.token,
      method: 'POST',
      body: {},
      path: () => `/api/tech-insights/checks/run/default/component/${pick()}`,
    });
    const readinessEntity = await measureLoad({
      ...load,
      name: 'Readiness GET /entities/component/default/{name}',
      url: readiness.baseUrl,
      token: readiness.token,
      path: () => `/api/readiness/entities/component/default/${pick()}`,
    });

    // (b) What an organisation-wide page needs, three times each.
    const tiOrg: number[] = [];
    const readinessOrg: number[] = [];
    let readinessCounts = { owners: 0, entities: 0 };
    for (let i = 0; i < 3; i++) {
      const [tiSeconds, bulk] = await timed(() =>
        techInsightsOrganisation(techInsights, refs),
      );
      if (bulk !== refs.length) {
        throw new Error(`Tech Insights answered ${bulk} entities`);
      }
      tiOrg.push(tiSeconds);
      const [seconds, counts] = await timed(() =>
        readinessOrganisation(readiness),
      );
      if (counts.entities !== refs.length) {
        throw new Error(`Readiness listed ${counts.entities} entities`);
      }
      readinessOrg.push(seconds);
      readinessCounts = counts;
    }

    const figures = {
      entities: entities.length,
      scored: scored.length,
      checks: TECH_INSIGHTS_CHECK_COUNT,
      runs,
      vacuum,
      entityPage: { techInsights: tiEntity, readiness: readinessEntity },
      organisation: {
        techInsightsSeconds: tiOrg.map(round1),
        readinessSeconds: readinessOrg.map(s => Math.round(s * 1000) / 1000),
        readinessOwners: readinessCounts.owners,
      },
      collection: {
        techInsightsSeconds: tiCollection.seconds,
        techInsightsRuns: Object.fromEntries(
          [...tiCollection.runs].map(([id, r]) => [id, r.seconds]),
        ),
        readinessSeconds: readinessCollection.seconds,
        readinessFirstRunSeconds:
          firstReadinessRun.get(EVALUATION_TASK)?.seconds,
      },
      database: {
        techInsights: tiSizes,
        readiness: readinessSizes,
        techInsightsFactRows: factRows,
        readinessHistoryRows: historyRows,
      },
    };

    process.stdout.write(
      `\n${entities.length} entities, ${scored.length} services and websites scored by ${TECH_INSIGHTS_CHECK_COUNT} catalog-derived checks; PostgreSQL, one backend process each\n\n`,
    );
    printTable(LOAD_HEADER, [loadRow(tiEntity), loadRow(readinessEntity)]);
    process.stdout.write('\n');
    // The plugins' own databases; the others hold only signing keys.
    const tiOwn = tiSizes.filter(s => s.name === TECH_INSIGHTS_DB);
    const readinessOwn = readinessSizes.filter(s => s.name === READINESS_DB);
    const tiDb = total(tiOwn, 'tablesBytes');
    const readinessDb = total(readinessOwn, 'tablesBytes');
    printTable(
      ['figure', 'Tech Insights', 'Readiness'],
      [
        [
          '(a) entity page, p95 ms (10 connections)',
          tiEntity.p95,
          readinessEntity.p95,
        ],
        [
          '(b) whole organisation, median s of 3',
          round1(median(tiOrg)),
          Math.round(median(readinessOrg) * 1000) / 1000,
        ],
        [
          '(c) collection for all entities, s',
          tiCollection.seconds,
          readinessCollection.seconds,
        ],
        [`(d) tables after ${runs} runs, MB`, mb(tiDb), mb(readinessDb)],
        [
          `(d) plugin's database after ${runs} runs, MB`,
          mb(total(tiOwn, 'databaseBytes')),
          mb(total(readinessOwn, 'databaseBytes')),
        ],
        ['fact rows / history rows', factRows ?? '', historyRows ?? ''],
      ],
    );
    process.stdout.write(
      `\nThe largest tables after ${runs} runs (${
        vacuum ? 'VACUUM after each run' : 'no VACUUM between runs'
      }):\n\n`,
    );
    printTable(
      ['database', 'table', 'MB', 'live rows', 'dead rows'],
      [...tiOwn, ...readinessOwn].flatMap(size =>
        size.tables.map(t => [
          size.name === READINESS_DB ? 'Readiness' : 'Tech Insights',
          t.table,
          mb(t.bytes),
          t.liveRows,
          t.deadRows,
        ]),
      ),
    );
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    const ratio = (figure: string, ti?: number, r?: number) =>
      process.stdout.write(
        `ratio ${figure} tech-insights/readiness: ${
          ti !== undefined && r ? Math.round((ti / r) * 100) / 100 : 'n/a'
        }\n`,
      );
    ratio('entity-page', tiEntity.p95, readinessEntity.p95);
    ratio('org-wide', median(tiOrg), median(readinessOrg));
    ratio('collection', tiCollection.seconds, readinessCollection.seconds);
    ratio('db-size', tiDb, readinessDb);
  } finally {
    for (const backend of started) {
      await backend.stop();
    }
    await dropDatabases(READINESS_PREFIX);
    await dropDatabases(TECH_INSIGHTS_PREFIX);
  }
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
