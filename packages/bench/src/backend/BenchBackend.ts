import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { BenchBackendOptions } from './BenchBackendOptions';

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) =>
  new Promise<void>(resolve => setTimeout(resolve, ms));

/** A scheduled task's state, as the scheduler's own endpoint reports it. */
interface TaskState {
  status: 'running' | 'idle';
  startedAt?: string;
  lastRunEndedAt?: string;
  lastRunError?: string;
}

/** One run of a scheduled task, with the database's clock. */
export interface TaskRun {
  /** When the run started, if a poll saw it running. */
  startedAt?: string;
  endedAt: string;
  /** From `startedAt` to `endedAt`. */
  seconds?: number;
  error?: string;
}

/**
 * A bench backend in its own process (src/backend/child.ts), its log in a
 * file, and requests to it with its static token. With
 * READINESS_BENCH_CPU_PROF=<dir> in the environment, each backend writes a
 * CPU profile there when it stops.
 */
export class BenchBackend {
  readonly baseUrl: string;
  readonly token = randomBytes(24).toString('base64url');
  private process?: ChildProcess;
  private exited?: Promise<number | null>;

  private constructor(
    readonly name: string,
    readonly options: BenchBackendOptions,
    readonly logFile: string,
  ) {
    this.baseUrl = `http://127.0.0.1:${options.port}`;
  }

  /** Starts a backend and waits until it is ready to serve. */
  static async start(
    name: string,
    options: Omit<BenchBackendOptions, 'port'> & { port?: number },
    startTimeoutMs = 300_000,
  ): Promise<BenchBackend> {
    const port = options.port ?? (await freePort());
    const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'readiness-bench-'));
    const backend = new BenchBackend(
      name,
      { ...options, port },
      path.join(logDir, `${name}.log`),
    );
    await backend.spawn(startTimeoutMs);
    return backend;
  }

  get pid(): number | undefined {
    return this.process?.pid;
  }

  private async spawn(startTimeoutMs: number) {
    const log = fs.openSync(this.logFile, 'a');
    const child = spawn(
      process.execPath,
      [
        ...process.execArgv,
        // A CPU profile of the backend, written when it stops.
        ...(process.env.READINESS_BENCH_CPU_PROF
          ? [
              '--cpu-prof',
              `--cpu-prof-dir=${process.env.READINESS_BENCH_CPU_PROF}`,
            ]
          : []),
        require.resolve('./child'),
        JSON.stringify(this.options),
      ],
      {
        env: {
          ...process.env,
          NODE_ENV: 'production',
          READINESS_BENCH_TOKEN: this.token,
        },
        stdio: ['ignore', log, log],
      },
    );
    fs.closeSync(log);
    this.process = child;
    this.exited = new Promise(resolve => child.on('exit', resolve));
    const deadline = Date.now() + startTimeoutMs;
    let exitCode: number | null | undefined;
    this.exited.then(code => {
      exitCode = code;
    });
    for (;;) {
      if (exitCode !== undefined) {
        throw new Error(
          `${
            this.name
          } exited with ${exitCode} while starting:\n${this.logTail()}`,
        );
      }
      try {
        const response = await fetch(
          `${this.baseUrl}/.backstage/health/v1/readiness`,
        );
        if (response.ok) {
          return;
        }
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        await this.stop();
        throw new Error(`${this.name} did not start:\n${this.logTail()}`);
      }
      await sleep(250);
    }
  }

  /** The last lines of the log, for error messages. */
  logTail(lines = 30): string {
    return this.logLines().slice(-lines).join('\n');
  }

  logLines(): string[] {
    return fs.existsSync(this.logFile)
      ? fs.readFileSync(this.logFile, 'utf8').split('\n').filter(Boolean)
      : [];
  }

  /** The log's JSON entries (NODE_ENV=production logs JSON). */
  logEntries(): Array<Record<string, string>> {
    return this.logLines().flatMap(line => {
      try {
        return [JSON.parse(line)];
      } catch {
        return [];
      }
    });
  }

  async request(
    pathAndQuery: string,
    init: { method?: string; body?: unknown } = {},
  ): Promise<Response> {
    return fetch(`${this.baseUrl}${pathAndQuery}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(init.body !== undefined && { 'content-type': 'application/json' }),
      },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
  }

  async json<T>(
    pathAndQuery: string,
    init: { method?: string; body?: unknown } = {},
  ): Promise<T> {
    const response = await this.request(pathAndQuery, init);
    if (!response.ok) {
      throw new Error(
        `${init.method ?? 'GET'} ${pathAndQuery}: ${
          response.status
        } ${await response.text()}`,
      );
    }
    return response.json() as Promise<T>;
  }

  async taskStates(pluginId: string): Promise<Map<string, TaskState>> {
    const { tasks } = await this.json<{
      tasks: Array<{ taskId: string; taskState: TaskState | null }>;
    }>(`/api/${pluginId}/.backstage/scheduler/v1/tasks`);
    return new Map(
      tasks.flatMap(t => (t.taskState ? [[t.taskId, t.taskState]] : [])),
    );
  }

  /** Whether this process is running the task right now. */
  async isRunningHere(pluginId: string, taskId: string): Promise<boolean> {
    const { tasks } = await this.json<{
      tasks: Array<{ taskId: string; workerState?: { status: string } }>;
    }>(`/api/${pluginId}/.backstage/scheduler/v1/tasks`);
    return tasks.some(
      t => t.taskId === taskId && t.workerState?.status === 'running',
    );
  }

  /** Asks the scheduler to run a task now; false if it is running. */
  async triggerTask(pluginId: string, taskId: string): Promise<boolean> {
    const response = await this.request(
      `/api/${pluginId}/.backstage/scheduler/v1/tasks/${taskId}/trigger`,
      { method: 'POST' },
    );
    if (response.status === 409) {
      return false;
    }
    if (!response.ok) {
      throw new Error(
        `trigger ${taskId}: ${response.status} ${await response.text()}`,
      );
    }
    return true;
  }

  /**
   * Waits until each task has finished a run that ended after `after` (its
   * last end, or any end when undefined), polling the scheduler's state
   * often enough to see when the run started.
   */
  async waitForRuns(
    pluginId: string,
    taskIds: string[],
    after: Map<string, string | undefined>,
    timeoutMs = 3_600_000,
  ): Promise<Map<string, TaskRun>> {
    const runs = new Map<string, TaskRun>();
    const started = new Map<string, string>();
    const deadline = Date.now() + timeoutMs;
    while (runs.size < taskIds.length) {
      if (Date.now() > deadline) {
        throw new Error(
          `${this.name}: ${taskIds.join(
            ', ',
          )} did not finish:\n${this.logTail()}`,
        );
      }
      const states = await this.taskStates(pluginId);
      for (const id of taskIds) {
        const state = states.get(id);
        if (!state || runs.has(id)) {
          continue;
        }
        if (state.status === 'running' && state.startedAt) {
          started.set(id, state.startedAt);
        }
        const previous = after.get(id);
        if (
          state.status === 'idle' &&
          state.lastRunEndedAt &&
          (!previous || Date.parse(state.lastRunEndedAt) > Date.parse(previous))
        ) {
          const startedAt = started.get(id);
          runs.set(id, {
            startedAt,
            endedAt: state.lastRunEndedAt,
            seconds: startedAt
              ? (Date.parse(state.lastRunEndedAt) - Date.parse(startedAt)) /
                1000
              : undefined,
            error: state.lastRunError,
          });
        }
      }
      await sleep(100);
    }
    return runs;
  }

  /** The last end of each task, to wait for the next. */
  async lastEnds(
    pluginId: string,
    taskIds: string[],
  ): Promise<Map<string, string | undefined>> {
    const states = await this.taskStates(pluginId);
    return new Map(taskIds.map(id => [id, states.get(id)?.lastRunEndedAt]));
  }

  /**
   * Triggers the tasks and waits for their runs (a run the schedule started
   * meanwhile counts). Returns each run and the wall time from the first
   * start to the last end.
   */
  async runTasks(
    pluginId: string,
    taskIds: string[],
  ): Promise<{ runs: Map<string, TaskRun>; seconds?: number }> {
    const after = await this.lastEnds(pluginId, taskIds);
    for (const id of taskIds) {
      await this.triggerTask(pluginId, id);
    }
    const runs = await this.waitForRuns(pluginId, taskIds, after);
    const starts = [...runs.values()].map(r => r.startedAt);
    const seconds = starts.every(Boolean)
      ? (Math.max(...[...runs.values()].map(r => Date.parse(r.endedAt))) -
          Math.min(...starts.map(s => Date.parse(s!)))) /
        1000
      : undefined;
    return { runs, seconds };
  }

  /** Stops the backend gracefully (SIGTERM), or SIGKILL after a while. */
  async stop(): Promise<void> {
    if (!this.process || this.process.exitCode !== null) {
      return;
    }
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => this.process?.kill('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(timer);
  }

  /** Kills the process at once, as a crashed node would stop. */
  async kill(): Promise<void> {
    this.process?.kill('SIGKILL');
    await this.exited;
  }
}
