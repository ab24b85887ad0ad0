/*
 * `yarn bench:evaluate [--entities 1000,10000] [--db sqlite,postgres]
 * [--days 30] [--campaigns 0,5]`: full evaluation of generated
 * organisations, one entity changed, and database growth, each
 * configuration in a fresh process so that its peak RSS is its own, with
 * as many campaigns in force as each of `--campaigns` says (none by
 * default). Prints a table, then one JSON line each.
 */
import { spawnSync } from 'node:child_process';
import { EvaluationFigures, runEvaluation } from './runEvaluation';
import { DatabaseKind } from './databases';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] ?? fallback : fallback;
}

async function child() {
  const figures = await runEvaluation(
    Number(option('entities', '1000')),
    option('db', 'sqlite') as DatabaseKind,
    Number(option('days', '0')),
    Number(option('campaigns', '0')),
  );
  process.stdout.write(`RESULT ${JSON.stringify(figures)}\n`);
}

function parent() {
  const counts = option('entities', '1000,10000').split(',').map(Number);
  const kinds = option('db', 'sqlite,postgres').split(',');
  const days = option('days', '30');
  const campaignCounts = option('campaigns', '0').split(',');
  const results: EvaluationFigures[] = [];
  for (const count of counts) {
    for (const kind of kinds) {
      for (const campaigns of campaignCounts) {
        const figures = runChild(count, kind, days, campaigns);
        if (figures) {
          results.push(figures);
        }
      }
    }
  }
  printResults(results, days);
}

/** One configuration in a fresh process; its figures, if it succeeds. */
function runChild(
  count: number,
  kind: string,
  days: string,
  campaigns: string,
): EvaluationFigures | undefined {
  const run = spawnSync(
    process.execPath,
    [
      ...process.execArgv,
      __filename,
      '--child',
      '--entities',
      String(count),
      '--db',
      kind,
      '--days',
      count <= 10000 ? days : '0',
      '--campaigns',
      campaigns,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const what = `${count} on ${kind} with ${campaigns} campaigns`;
  const line = run.stdout.split('\n').find(l => l.startsWith('RESULT '));
  if (!line) {
    process.stderr.write(`${what} failed:\n${run.stdout}\n`);
    process.exitCode = 1;
    return undefined;
  }
  const figures: EvaluationFigures = JSON.parse(line.slice(7));
  process.stderr.write(`${what}: ${figures.fullRunSeconds} s\n`);
  return figures;
}

function printResults(results: EvaluationFigures[], days: string) {
  const rows = results.map(r => [
    r.entities,
    r.database,
    r.campaigns,
    r.fullRunSeconds,
    r.fullRunCpuSeconds,
    r.entitiesPerSecond,
    r.peakRssMb,
    r.databaseMb,
    r.changeScanMs,
    r.oneEntityMs,
    r.growth
      ? `${r.growth.databaseMb} MB, ${r.growth.historyRows} changes`
      : '',
  ]);
  const header = [
    'entities',
    'database',
    'campaigns',
    'full run s',
    'CPU s',
    'entities/s',
    'peak RSS MB',
    'db MB',
    'change scan ms',
    'one entity ms',
    `after ${days} days of 2% change`,
  ];
  for (const row of [header, ...rows]) {
    process.stdout.write(`| ${row.join(' | ')} |\n`);
  }
  for (const r of results) {
    process.stdout.write(`${JSON.stringify(r)}\n`);
  }
}

if (process.argv.includes('--child')) {
  child().catch(error => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  });
} else {
  parent();
}
