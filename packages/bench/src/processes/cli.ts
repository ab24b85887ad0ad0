/*
 * `yarn bench:processes [--entities 10000] [--seconds 60]`: two bench
 * backends with the Readiness plugin on one PostgreSQL database, the full
 * catalog run every 10 seconds with a 30-second timeout. Watches which
 * process runs each scheduled evaluation for a while, then kills the one
 * running it with SIGKILL and waits for the other to take the task over.
 * Prints the timeline, from the processes' own logs and the scheduler's
 * state, and what it shows.
 */
import knexFactory from 'knex';
import { dropDatabases, POSTGRES } from '../evaluation/databases';
import { BenchBackend, sleep } from '../backend/BenchBackend';
import {
  EVALUATION_TASK,
  NO_CHANGE_SCAN,
  option,
  printTable,
} from '../backend/cliHelpers';

const PREFIX = 'readiness_bench_proc_';
const FREQUENCY_SECONDS = 10;
const TIMEOUT_SECONDS = 30;

const log = (message: string) => process.stderr.write(`${message}\n`);

interface Interval {
  process: string;
  start: number;
  end?: number;
  killed?: boolean;
}

/** The scheduler's row of the task in the shared database. */
async function claimOf(): Promise<{
  ticket: string | null;
  expiresAt: Date | null;
}> {
  const knex = knexFactory({
    client: 'pg',
    connection: `${POSTGRES.replace(/\/$/, '')}/${PREFIX}readiness`,
  });
  try {
    const [row] = await knex('backstage_backend_tasks__tasks')
      .where({ id: EVALUATION_TASK })
      .select('current_run_ticket', 'current_run_expires_at');
    return {
      ticket: row?.current_run_ticket ?? null,
      expiresAt: row?.current_run_expires_at
        ? new Date(row.current_run_expires_at)
        : null,
    };
  } finally {
    await knex.destroy();
  }
}

/** Runs of the task seen from each process's scheduler (its worker state). */
class RunWatcher {
  readonly intervals: Interval[] = [];
  private readonly open = new Map<string, Interval>();

  async poll(backends: BenchBackend[], alive: Set<BenchBackend>) {
    for (const backend of backends) {
      if (!alive.has(backend)) {
        continue;
      }
      let running: boolean;
      try {
        running = await backend.isRunningHere('readiness', EVALUATION_TASK);
      } catch {
        continue; // the process is going away
      }
      const current = this.open.get(backend.name);
      if (running && !current) {
        const interval = { process: backend.name, start: Date.now() };
        this.open.set(backend.name, interval);
        this.intervals.push(interval);
      } else if (!running && current) {
        current.end = Date.now();
        this.open.delete(backend.name);
      }
    }
  }

  /** The process died: its open run ends now, unfinished. */
  killed(process: string, at: number) {
    const current = this.open.get(process);
    if (current) {
      current.end = at;
      current.killed = true;
      this.open.delete(process);
    }
  }

  runningIn(): string | undefined {
    return [...this.open.keys()][0];
  }

  /** Runs of different processes that overlap in time. */
  overlaps(): Array<[Interval, Interval]> {
    const found: Array<[Interval, Interval]> = [];
    this.intervals.forEach((a, i) => {
      for (const b of this.intervals.slice(i + 1)) {
        if (
          a.process !== b.process &&
          a.start < (b.end ?? Infinity) &&
          b.start < (a.end ?? Infinity)
        ) {
          found.push([a, b]);
        }
      }
    });
    return found;
  }
}

/** The log lines that tell the story, from every process, in time order. */
function timeline(backends: BenchBackend[], since: number) {
  const wanted = [
    /^Readiness evaluated/,
    /^Readiness evaluation run aborted/,
    /timed out/,
    /^Registered scheduled task: readiness-evaluate-catalog/,
  ];
  return backends
    .flatMap(backend =>
      backend.logEntries().map(entry => ({
        process: backend.name,
        message: String(entry.message),
        timestamp: String(entry.timestamp),
      })),
    )
    .filter(
      e =>
        Date.parse(e.timestamp) >= since &&
        wanted.some(pattern => pattern.test(e.message)),
    )
    .sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
}

async function main() {
  const count = Number(option('entities', '10000'));
  const watchSeconds = Number(option('seconds', '60'));
  await dropDatabases(PREFIX);
  const options = {
    entities: count,
    seed: 1,
    plugins: ['readiness' as const],
    database: { client: 'pg' as const, connection: POSTGRES, prefix: PREFIX },
    config: {
      readiness: {
        schedule: {
          frequency: { seconds: FREQUENCY_SECONDS },
          timeout: { seconds: TIMEOUT_SECONDS },
          initialDelay: { seconds: 1 },
        },
        changeDetection: NO_CHANGE_SCAN,
      },
    },
  };
  const backends: BenchBackend[] = [];
  const alive = new Set<BenchBackend>();
  const t0 = Date.now();
  try {
    // One after the other, so that their migrations do not race.
    for (const name of ['process-a', 'process-b']) {
      const backend = await BenchBackend.start(name, options);
      backends.push(backend);
      alive.add(backend);
      log(`${name} started, pid ${backend.pid}, log ${backend.logFile}`);
    }
    const watcher = new RunWatcher();
    const watchUntil = Date.now() + watchSeconds * 1000;
    while (Date.now() < watchUntil) {
      await watcher.poll(backends, alive);
      await sleep(100);
    }

    // Kill the process that runs the evaluation, early in a run.
    let victim: BenchBackend | undefined;
    while (!victim) {
      await watcher.poll(backends, alive);
      const runner = watcher.runningIn();
      if (runner) {
        await sleep(300);
        await watcher.poll(backends, alive);
        if (watcher.runningIn() === runner) {
          victim = backends.find(b => b.name === runner);
        }
      }
      await sleep(50);
    }
    const survivor = backends.find(b => b !== victim)!;
    const killedAt = Date.now();
    alive.delete(victim);
    await victim.kill();
    watcher.killed(victim.name, killedAt);
    const claim = await claimOf();
    log(
      `killed ${victim.name} (SIGKILL) while it ran the evaluation; its claim ${
        claim.ticket
          ? `holds until ${claim.expiresAt?.toISOString()}`
          : 'was already released'
      }`,
    );

    // Wait for the survivor to start and finish a run after the kill.
    const deadline = killedAt + (TIMEOUT_SECONDS + 120) * 1000;
    let takenOver: Interval | undefined;
    while (!takenOver?.end && Date.now() < deadline) {
      await watcher.poll(backends, alive);
      takenOver = watcher.intervals.find(
        i => i.process === survivor.name && i.start > killedAt,
      );
      await sleep(100);
    }

    const entries = timeline(backends, t0);
    process.stdout.write(
      `\nTwo backends on one PostgreSQL database, ${count} entities, readiness.schedule every ${FREQUENCY_SECONDS} s with a ${TIMEOUT_SECONDS} s timeout\n\n`,
    );
    const at = (ms: number) => ((ms - t0) / 1000).toFixed(1);
    const endOf = (interval: Interval) => {
      if (interval.end === undefined) {
        return '';
      }
      return interval.killed
        ? `${at(interval.end)} (killed)`
        : at(interval.end);
    };
    printTable(
      ['t s', 'process', 'log'],
      [
        ...entries.map(e => [
          at(Date.parse(e.timestamp)),
          e.process,
          e.message.slice(0, 110),
        ]),
        [
          at(killedAt),
          victim.name,
          `(killed with SIGKILL by the benchmark; the claim ${
            claim.ticket && claim.expiresAt
              ? `held until t ${at(claim.expiresAt.getTime())} s`
              : 'was already released'
          })`,
        ],
      ].sort((a, b) => Number(a[0]) - Number(b[0])),
    );
    process.stdout.write('\nRuns seen from the schedulers:\n\n');
    printTable(
      ['run', 'process', 'start t s', 'end t s'],
      watcher.intervals.map((interval, index) => [
        index + 1,
        interval.process,
        at(interval.start),
        endOf(interval),
      ]),
    );
    const evaluatedLines = entries.filter(e =>
      /^Readiness evaluated/.test(e.message),
    );
    const janitor = entries.find(
      e => Date.parse(e.timestamp) > killedAt && /timed out/.test(e.message),
    );
    const beforeKill = evaluatedLines.filter(
      e => Date.parse(e.timestamp) < killedAt,
    );
    const perProcess = backends.map(
      b => `${b.name} ${beforeKill.filter(e => e.process === b.name).length}`,
    );
    const overlaps = watcher.overlaps();
    const runsBefore = watcher.intervals.filter(i => i.start < killedAt);
    process.stdout.write(
      [
        '',
        `Before the kill: ${runsBefore.length} runs started (${runsBefore
          .map(i => i.process)
          .join(', ')}), each in one process; ${
          beforeKill.length
        } "Readiness evaluated" lines in the logs, the start-up run included (${perProcess.join(
          ', ',
        )}); ${
          overlaps.length === 0
            ? 'no two runs overlapped: each scheduled evaluation ran once, not twice.'
            : `${overlaps.length} runs overlapped in two processes!`
        }`,
        takenOver
          ? `After the kill: ${survivor.name} started the evaluation ${(
              (takenOver.start - killedAt) /
              1000
            ).toFixed(1)} s after ${victim.name} died${
              takenOver.end
                ? ` and finished it ${(
                    (takenOver.end - killedAt) /
                    1000
                  ).toFixed(1)} s after`
                : ''
            }: ${
              claim.ticket && claim.expiresAt
                ? `the dead run's claim held until its ${TIMEOUT_SECONDS} s timeout ran out (t ${at(
                    claim.expiresAt.getTime(),
                  )} s)${
                    janitor
                      ? `, a scheduler janitor released it at t ${at(
                          Date.parse(janitor.timestamp),
                        )} s ("${janitor.message}" in ${janitor.process}'s log)`
                      : ''
                  }, and ${survivor.name} claimed it at its next poll.`
                : `the kill came after the run had released its claim, so this is not a hand-over.`
            }`
          : `After the kill: ${
              survivor.name
            } did not take the evaluation over within ${
              TIMEOUT_SECONDS + 120
            } s.`,
        '',
      ].join('\n'),
    );
    if (overlaps.length > 0 || !takenOver?.end || !claim.ticket) {
      process.exitCode = 1;
    }
  } finally {
    for (const backend of backends) {
      if (alive.has(backend)) {
        await backend.stop();
      }
    }
    await dropDatabases(PREFIX);
  }
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
