// autocannon ships no types; its programmatic API is used as documented in
// its README (requests with setupRequest, the 'response' event).
// eslint-disable-next-line @typescript-eslint/no-var-requires
const autocannon = require('autocannon');

/** What one load run measured. */
export interface LoadFigures {
  name: string;
  requests: number;
  requestsPerSecond: number;
  /** Answers other than 2xx, and connection errors and timeouts. */
  non2xx: number;
  errors: number;
  /** Latency percentiles in ms, from every response's time. */
  p50: number;
  p90: number;
  p95: number;
  p97_5: number;
  p99: number;
  max: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) {
    return NaN;
  }
  const index = Math.min(
    sorted.length - 1,
    Math.max(0, Math.ceil((p / 100) * sorted.length) - 1),
  );
  return sorted[index];
}

const round = (ms: number) => Math.round(ms * 10) / 10;

export interface LoadOptions {
  name: string;
  url: string;
  token: string;
  /** The path of each request; called per request, so it may vary. */
  path: () => string;
  method?: 'GET' | 'POST';
  body?: unknown;
  connections?: number;
  seconds?: number;
  warmUpSeconds?: number;
}

async function run(options: LoadOptions, seconds: number) {
  const latencies: number[] = [];
  const instance = autocannon({
    url: options.url,
    connections: options.connections ?? 10,
    duration: seconds,
    method: options.method ?? 'GET',
    headers: {
      authorization: `Bearer ${options.token}`,
      ...(options.body !== undefined && {
        'content-type': 'application/json',
      }),
    },
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
    requests: [
      { setupRequest: (req: object) => ({ ...req, path: options.path() }) },
    ],
  });
  instance.on(
    'response',
    (_client: unknown, _status: number, _bytes: number, ms: number) => {
      latencies.push(ms);
    },
  );
  const result = await instance;
  return { result, latencies };
}

/**
 * Load on one endpoint with autocannon from this process: a warm-up that
 * is not counted, then `seconds` with `connections` concurrent
 * connections, each sending its next request when the last is answered.
 * Percentiles come from every response's time as autocannon measured it
 * (autocannon's own table has p50, p90, p97.5 and p99, not p95).
 */
export async function measureLoad(options: LoadOptions): Promise<LoadFigures> {
  await run(options, options.warmUpSeconds ?? 2);
  const { result, latencies } = await run(options, options.seconds ?? 10);
  latencies.sort((a, b) => a - b);
  return {
    name: options.name,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    p50: round(percentile(latencies, 50)),
    p90: round(percentile(latencies, 90)),
    p95: round(percentile(latencies, 95)),
    p97_5: round(percentile(latencies, 97.5)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies[latencies.length - 1] ?? NaN),
  };
}

export const LOAD_HEADER = [
  'endpoint',
  'requests',
  'req/s',
  'p50 ms',
  'p90 ms',
  'p95 ms',
  'p97.5 ms',
  'p99 ms',
  'max ms',
  'non-2xx',
];

export function loadRow(f: LoadFigures): Array<string | number> {
  return [
    f.name,
    f.requests,
    f.requestsPerSecond,
    f.p50,
    f.p90,
    f.p95,
    f.p97_5,
    f.p99,
    f.max,
    f.non2xx + f.errors,
  ];
}
