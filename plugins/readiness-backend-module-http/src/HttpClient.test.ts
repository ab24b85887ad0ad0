import { recordSends } from './__testUtils__/recordSends';
import { setTimeout as sleep } from 'node:timers/promises';
import { HttpClient, HttpClientOptions } from './HttpClient';
import {
  sendJson,
  startTestServer,
  TestServer,
} from '@readiness/plugin-readiness-node/testUtils';

const defaults: HttpClientOptions = {
  timeoutMs: 2000,
  retries: 2,
  concurrency: 4,
  backoffMs: 10,
};

function run(overrides: { deadlineMs?: number; signal?: AbortSignal } = {}) {
  return {
    signal: overrides.signal ?? new AbortController().signal,
    deadline: new Date(Date.now() + (overrides.deadlineMs ?? 10_000)),
  };
}

const withRateLimit: HttpClientOptions = {
  ...defaults,
  rateLimit: { requests: 100, perMs: 1000, burst: 100 },
};
/** Well below any wait a Retry-After could cause, well above a local answer. */
const AT_ONCE_MS = 500;

describe('HttpClient', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const get = (path: string) => ({
    url: `${server!.baseUrl}${path}`,
    method: 'GET' as const,
    headers: { Authorization: 'Bearer s3cret-token' },
  });

  it('returns the parsed JSON and sends the configured headers', async () => {
    server = await startTestServer((_, res) => sendJson(res, { ok: 1 }));
    const client = new HttpClient(defaults);
    await expect(client.getJson(get('/a?x=1'), run())).resolves.toEqual({
      ok: 1,
    });
    expect(server.requests[0].headers).toMatchObject({
      authorization: 'Bearer s3cret-token',
      accept: 'application/json',
    });
  });

  it('waits for Retry-After on 429, then succeeds', async () => {
    server = await startTestServer((_, res) =>
      server!.requests.length === 1
        ? sendJson(res, {}, 429, { 'retry-after': '1' })
        : sendJson(res, { ok: true }),
    );
    const client = new HttpClient(defaults);
    await expect(client.getJson(get('/a'), run())).resolves.toEqual({
      ok: true,
    });
    const [first, second] = server.requests;
    expect(second.at - first.at).toBeGreaterThanOrEqual(950);
  });

  it('gives up at once when Retry-After is past the deadline', async () => {
    server = await startTestServer((_, res) =>
      sendJson(res, {}, 429, { 'retry-after': '120' }),
    );
    const client = new HttpClient(defaults);
    await expect(client.getJson(get('/a'), run())).rejects.toThrow(
      /answered 429 Too Many Requests \(1 attempt\); the next attempt, in 120 s, would be past the deadline/,
    );
  });

  it('retries server errors, then throws naming the status', async () => {
    server = await startTestServer((_, res) => sendJson(res, {}, 500));
    const client = new HttpClient(defaults);
    const error: Error = await client
      .getJson(get('/api/x?token=abc'), run())
      .then(
        () => new Error('expected a failure'),
        e => e,
      );
    expect(error.message).toBe(
      `GET ${server.baseUrl}/api/x answered 500 Internal Server Error (3 attempts)`,
    );
    expect(error.message).not.toContain('s3cret');
    expect(error.message).not.toContain('token=abc');
    expect(server.requests).toHaveLength(3);
  });

  it('recovers from a transient 503', async () => {
    server = await startTestServer((_, res) =>
      server!.requests.length < 2
        ? sendJson(res, {}, 503)
        : sendJson(res, { ok: true }),
    );
    const client = new HttpClient(defaults);
    await expect(client.getJson(get('/a'), run())).resolves.toEqual({
      ok: true,
    });
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry other 4xx, nor follow redirects', async () => {
    server = await startTestServer((req, res) =>
      req.url.pathname === '/moved'
        ? res.writeHead(302, { location: 'http://elsewhere.invalid/' }).end()
        : sendJson(res, { errors: [] }, 404),
    );
    const client = new HttpClient(defaults);
    await expect(client.getJson(get('/a'), run())).rejects.toThrow(
      /answered 404 Not Found \(1 attempt\)$/,
    );
    await expect(client.getJson(get('/moved'), run())).rejects.toThrow(
      /answered 302 Found, a redirect, which is not followed/,
    );
    expect(server.requests).toHaveLength(2);
  });

  it('times out a slow answer, naming the timeout', async () => {
    server = await startTestServer(async (_, res) => {
      await sleep(1000);
      sendJson(res, {});
    });
    const client = new HttpClient({ ...defaults, timeoutMs: 100, retries: 1 });
    const start = Date.now();
    await expect(client.getJson(get('/slow'), run())).rejects.toThrow(
      /GET http:\/\/127\.0\.0\.1:\d+\/slow timed out after 100 ms \(2 attempts\)/,
    );
    expect(Date.now() - start).toBeLessThan(900);
  });

  it('throws on malformed JSON without retrying', async () => {
    server = await startTestServer((_, res) =>
      sendJson(res, '{"component": {"key": '),
    );
    const client = new HttpClient(defaults);
    await expect(client.getJson(get('/a'), run())).rejects.toThrow(
      /answered 200 OK with malformed JSON: .* \(1 attempt\)/,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('refuses a response larger than the limit', async () => {
    server = await startTestServer((_, res) =>
      sendJson(res, { data: 'x'.repeat(5000) }),
    );
    const client = new HttpClient({ ...defaults, maxResponseBytes: 1000 });
    await expect(client.getJson(get('/a'), run())).rejects.toThrow(
      /answered more than 1000 bytes/,
    );
  });

  it('names a network error', async () => {
    server = await startTestServer(() => undefined);
    const url = `${server.baseUrl}/a`;
    await server.close();
    server = undefined;
    const client = new HttpClient({ ...defaults, retries: 1 });
    await expect(
      client.getJson({ url, method: 'GET', headers: {} }, run()),
    ).rejects.toThrow(/failed: .*ECONNREFUSED.* \(2 attempts\)/);
  });

  it('stops when the deadline passes', async () => {
    server = await startTestServer(async (_, res) => {
      await sleep(1000);
      sendJson(res, {});
    });
    const client = new HttpClient(defaults);
    const options = run({ deadlineMs: 100 });
    await expect(
      client.getJson(get('/slow'), {
        ...options,
        signal: AbortSignal.timeout(100),
      }),
    ).rejects.toThrow(/stopped: the deadline passed/);
  });

  it('keeps to the concurrency limit across callers', async () => {
    let inFlight = 0;
    let most = 0;
    server = await startTestServer(async (_, res) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await sleep(30);
      inFlight -= 1;
      sendJson(res, {});
    });
    const client = new HttpClient({ ...defaults, concurrency: 2 });
    await Promise.all(
      Array.from({ length: 6 }, () => client.getJson(get('/a'), run())),
    );
    expect(most).toBe(2);
  });

  it('spaces requests by the rate limit', async () => {
    server = await startTestServer((_, res) => sendJson(res, {}));
    const sends = recordSends();
    try {
      const client = new HttpClient({
        ...defaults,
        rateLimit: { requests: 20, perMs: 1000, burst: 1 },
      });
      await Promise.all(
        Array.from({ length: 5 }, () => client.getJson(get('/a'), run())),
      );
    } finally {
      sends.restore();
    }
    const sent = sends.times;
    // One token every 50 ms after the first: the i-th request goes no
    // sooner than 50 i ms after the first (timers may fire a millisecond
    // early). Two neighbours may be closer when the earlier one was late,
    // as a token bucket lets a late request's successor catch up.
    for (let i = 1; i < sent.length; i++) {
      expect(sent[i] - sent[0]).toBeGreaterThanOrEqual(50 * i - 2);
    }
    expect(sent).toHaveLength(5);
  });

  /** `/limited` is answered `status` with `retryAfter` once; all else 200. */
  const serveOneRetryAfter = async (
    retryAfter: string,
    status = 503,
    body: unknown = {},
  ) => {
    let limited = false;
    server = await startTestServer(({ url }, res) => {
      if (url.pathname === '/limited' && !limited) {
        limited = true;
        sendJson(res, body, status, { 'retry-after': retryAfter });
      } else {
        sendJson(res, { ok: true });
      }
    });
  };
  const timed = async (work: Promise<unknown>) => {
    const started = Date.now();
    await work;
    return Date.now() - started;
  };

  it('a refused day-long Retry-After does not hold back the next request', async () => {
    await serveOneRetryAfter('86400');
    const client = new HttpClient(withRateLimit);
    await expect(client.getJson(get('/limited'), run())).rejects.toThrow(
      /answered 503 Service Unavailable \(1 attempt\); the next attempt, in 86400 s, would be past the deadline/,
    );
    const next = client.getJson(get('/next'), run());
    const elapsed = await timed(next);
    await expect(next).resolves.toEqual({ ok: true });
    expect(elapsed).toBeLessThan(AT_ONCE_MS);
  });

  it('without a rate limit, a Retry-After holds back only its own request', async () => {
    await serveOneRetryAfter('1', 429);
    const client = new HttpClient(defaults);
    const limited = client.getJson(get('/limited'), run());
    await sleep(100);
    const elapsed = await timed(client.getJson(get('/other'), run()));
    expect(elapsed).toBeLessThan(AT_ONCE_MS);
    await expect(limited).resolves.toEqual({ ok: true });
  });

  it('with a rate limit, names the hold when it outlasts a deadline', async () => {
    await serveOneRetryAfter('3', 429);
    const client = new HttpClient(withRateLimit);
    const limited = client.getJson(get('/limited'), run());
    await sleep(100);
    await expect(
      client.getJson(get('/other'), run({ deadlineMs: 1000 })),
    ).rejects.toThrow(
      /^GET http:\/\/127\.0\.0\.1:\d+\/other stopped: requests are held back until \d{4}-\d\d-\d\dT[\d:.]+Z \(a server's Retry-After\), past the deadline$/,
    );
    await expect(limited).resolves.toEqual({ ok: true });
  });

  it('does not read the body of a 5xx, so a large one stays retryable', async () => {
    await serveOneRetryAfter('0', 503, { junk: 'x'.repeat(5000) });
    const client = new HttpClient({ ...defaults, maxResponseBytes: 1000 });
    await expect(client.getJson(get('/limited'), run())).resolves.toEqual({
      ok: true,
    });
  });

  it('sends nothing when the rate limiter holds a request past its deadline', async () => {
    server = await startTestServer((_, res) => sendJson(res, {}));
    const client = new HttpClient({
      ...defaults,
      rateLimit: { requests: 1, perMs: 1000, burst: 1 },
    });
    await client.getJson(get('/first'), run());
    await expect(
      client.getJson(get('/second'), run({ deadlineMs: 300 })),
    ).rejects.toThrow(/\/second stopped: the deadline passed/);
    expect(server.requests).toHaveLength(1);
  });
});
