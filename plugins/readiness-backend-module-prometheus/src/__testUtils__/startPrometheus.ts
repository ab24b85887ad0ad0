import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { AddressInfo, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer } from '@readiness/plugin-readiness-node/testUtils';

/** Debian's prometheus package installs it here; CI installs that package. */
export const PROMETHEUS_BINARY =
  process.env.PROMETHEUS_BINARY ?? '/usr/bin/prometheus';

export const INSTALL_HINT =
  "install Debian's prometheus package: apt-get update && apt-get install -y --no-install-recommends prometheus";

/** A free TCP port on the loopback interface, for a moment. */
export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>(resolve => server.close(() => resolve()));
  return port;
}

export interface MetricsTarget {
  /** `127.0.0.1:<port>`, to scrape. */
  address: string;
  close(): Promise<void>;
}

/**
 * A service to scrape. `/metrics` serves 100 requests a second, 5% of them
 * failing with code 500, in a histogram where half take up to 50 ms, 90% up
 * to 100 ms, 98% up to 250 ms and all up to 500 ms: an error rate of 0.05
 * and a p99 latency of 0.375 s (interpolated in the 250–500 ms bucket).
 * `/metrics-idle` serves one gauge and no request metrics.
 */
export async function startMetricsTarget(): Promise<MetricsTarget> {
  const started = Date.now();
  const server = await startTestServer(({ url }, response) => {
    const total = ((Date.now() - started) / 1000) * 100;
    const bodies: Record<string, string[]> = {
      '/metrics': [
        '# HELP http_requests_total Requests served.',
        '# TYPE http_requests_total counter',
        `http_requests_total{code="200"} ${total * 0.95}`,
        `http_requests_total{code="500"} ${total * 0.05}`,
        '# HELP http_request_duration_seconds Request durations.',
        '# TYPE http_request_duration_seconds histogram',
        `http_request_duration_seconds_bucket{le="0.05"} ${total * 0.5}`,
        `http_request_duration_seconds_bucket{le="0.1"} ${total * 0.9}`,
        `http_request_duration_seconds_bucket{le="0.25"} ${total * 0.98}`,
        `http_request_duration_seconds_bucket{le="0.5"} ${total}`,
        `http_request_duration_seconds_bucket{le="+Inf"} ${total}`,
        `http_request_duration_seconds_sum ${total * 0.07}`,
        `http_request_duration_seconds_count ${total}`,
      ],
      '/metrics-idle': ['# TYPE queue_depth gauge', 'queue_depth 3'],
    };
    const lines = bodies[url.pathname];
    if (!lines) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'content-type': 'text/plain; version=0.0.4; charset=utf-8',
    });
    response.end(`${lines.join('\n')}\n`);
  });
  return { address: new URL(server.baseUrl).host, close: server.close };
}

export interface ScrapeJob {
  name: string;
  targets: string[];
  metricsPath?: string;
}

export interface PrometheusServer {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  stop(): Promise<void>;
}

const sleep = (ms: number) =>
  new Promise<void>(resolve => setTimeout(resolve, ms));

async function getJson(url: string): Promise<any> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
  if (!response.ok) {
    throw new Error(`${url} answered ${response.status}`);
  }
  return response.json();
}

function configYaml(jobs: ScrapeJob[]): string {
  // JSON is YAML, and quotes every value safely.
  return JSON.stringify(
    {
      global: { scrape_interval: '1s', evaluation_interval: '1s' },
      rule_files: ['rules.yml'],
      scrape_configs: jobs.map(job => ({
        job_name: job.name,
        scrape_timeout: '1s',
        metrics_path: job.metricsPath ?? '/metrics',
        static_configs: [{ targets: job.targets }],
      })),
    },
    null,
    2,
  );
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => resolve()),
  );
  child.kill('SIGTERM');
  const killed = await Promise.race([
    exited.then(() => true),
    sleep(10_000).then(() => false),
  ]);
  if (!killed) {
    child.kill('SIGKILL');
    await exited;
  }
}

/**
 * A real Prometheus server on a free loopback port, with its own temporary
 * configuration, rules and data directory, scraping `jobs` every second and
 * evaluating rules every second. Resolves once the server is ready, every
 * target has been scraped, and every query in `readyWhen` has a result;
 * `stop()` kills it and removes its files.
 *
 * Fails with how to install Prometheus when the binary is missing.
 */
export async function startPrometheus(options: {
  jobs: ScrapeJob[];
  /** The rules file, as YAML. */
  rules: string;
  /** PromQL that must give a result before the server counts as ready. */
  readyWhen?: string[];
  timeoutMs?: number;
}): Promise<PrometheusServer> {
  if (!existsSync(PROMETHEUS_BINARY)) {
    throw new Error(
      `The Prometheus tests need a Prometheus server binary at ${PROMETHEUS_BINARY}, and there is none: ${INSTALL_HINT} (or set PROMETHEUS_BINARY to another binary)`,
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'readiness-prometheus-'));
  await writeFile(join(dir, 'prometheus.yml'), configYaml(options.jobs));
  await writeFile(join(dir, 'rules.yml'), options.rules);

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let output = '';
  let child: ChildProcess | undefined;
  let failed = false;
  const fail = async (problem: string): Promise<never> => {
    failed = true;
    if (child) {
      await stopProcess(child);
    }
    await rm(dir, { recursive: true, force: true });
    throw new Error(`${problem}\nPrometheus said:\n${output.slice(-4000)}`);
  };

  try {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    child = spawn(
      PROMETHEUS_BINARY,
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--web.enable-lifecycle',
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    let spawnError: Error | undefined;
    child.once('error', error => {
      spawnError = error;
    });

    const until = async (what: string, ready: () => Promise<boolean>) => {
      for (;;) {
        if (child!.exitCode !== null || child!.signalCode !== null) {
          return fail(`Prometheus exited while waiting for ${what}`);
        }
        if (spawnError) {
          return fail(`Prometheus could not start: ${spawnError.message}`);
        }
        if (await ready().catch(() => false)) {
          return undefined;
        }
        if (Date.now() > deadline) {
          return fail(`Prometheus was not ready in time: ${what}`);
        }
        await sleep(200);
      }
    };

    await until('/-/ready', async () => {
      const response = await fetch(`${url}-/ready`, {
        signal: AbortSignal.timeout(1000),
      });
      return response.ok;
    });
    await until('every target to be scraped', async () => {
      const targets = await getJson(`${url}api/v1/targets?state=active`);
      const active: Array<{ health: string }> = targets.data.activeTargets;
      const expected = options.jobs.reduce((n, j) => n + j.targets.length, 0);
      return (
        active.length === expected && active.every(t => t.health !== 'unknown')
      );
    });
    for (const query of options.readyWhen ?? []) {
      await until(`a result for ${query}`, async () => {
        const result = await getJson(
          `${url}api/v1/query?query=${encodeURIComponent(query)}`,
        );
        return result.data.result.length > 0;
      });
    }

    return {
      url,
      stop: async () => {
        await stopProcess(child!);
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (failed) {
      throw error;
    }
    return fail((error as Error).message);
  }
}
