import { sendJson, startTestServer, TestServer } from '../testUtils';
import { HttpClient } from './HttpClient';
import { HttpRequestError } from './HttpRequestError';

describe('HttpClient rate limits', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const failureOf = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('it did not fail');
      },
      error => error as HttpRequestError,
    );
  const client = () =>
    new HttpClient({
      concurrency: 4,
      timeoutMs: 5000,
      retries: 3,
      rateLimit: { defaultWaitMs: 60_000 },
    });
  const inSeconds = (seconds: number) =>
    String(Math.ceil(Date.now() / 1000) + seconds);

  it("waits out GitHub's primary rate limit (403) for every caller, then answers", async () => {
    const reset = inSeconds(1);
    let limited = true;
    server = await startTestServer((_, res) => {
      if (limited) {
        limited = false;
        sendJson(res, { message: 'API rate limit exceeded' }, 403, {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': reset,
        });
      } else {
        sendJson(res, {});
      }
    });
    const http = client();
    const waitedUntil: Date[] = [];
    const deadline = new Date(Date.now() + 10_000);
    const first = http.fetch(server.baseUrl, { deadline });
    await new Promise(resolve => setTimeout(resolve, 100));
    const second = http.fetch(server.baseUrl, {
      deadline,
      onRateLimitWait: until => waitedUntil.push(until),
    });
    await expect(first).resolves.toMatchObject({ status: 200 });
    await expect(second).resolves.toMatchObject({ status: 200 });
    expect(waitedUntil).toEqual([new Date(Number(reset) * 1000)]);
    expect(server.requests).toHaveLength(3);
    const afterReset = server.requests[1].at;
    expect(afterReset).toBeGreaterThanOrEqual(Number(reset) * 1000 - 50);
  });

  it('fails naming the reset when it outlasts the deadline, and sends nothing more', async () => {
    server = await startTestServer((_, res) =>
      sendJson(res, {}, 429, { 'ratelimit-reset': '600' }),
    );
    const http = client();
    const deadline = new Date(Date.now() + 5000);
    const first = await failureOf(http.fetch(server.baseUrl, { deadline }));
    expect(first).toMatchObject({
      reason: 'retry-past-deadline',
      lastFailure: { kind: 'rate-limited' },
    });
    expect(first.until).toBeGreaterThan(Date.now() + 500_000);
    const second = await failureOf(http.fetch(server.baseUrl, { deadline }));
    expect(second).toMatchObject({ reason: 'rate-limited', attempts: 0 });
    expect(second.until).toBe(first.until);
    expect(server.requests).toHaveLength(1);
    expect(http.rateLimitedUntil).toEqual(new Date(first.until!));
  });

  it('takes a rate limit without a reset as `defaultWaitMs`', async () => {
    server = await startTestServer((_, res) => sendJson(res, {}, 429));
    const error = await failureOf(
      client().fetch(server.baseUrl, {
        deadline: new Date(Date.now() + 5000),
      }),
    );
    expect(error.until! - Date.now()).toBeGreaterThan(55_000);
  });

  it('holds requests back when an answer spent the last request of the window', async () => {
    server = await startTestServer((_, res) =>
      sendJson(res, {}, 200, {
        'ratelimit-remaining': '0',
        'ratelimit-reset': '600',
      }),
    );
    const http = client();
    const deadline = new Date(Date.now() + 5000);
    await expect(
      http.fetch(server.baseUrl, { deadline }),
    ).resolves.toMatchObject({ status: 200 });
    await expect(
      failureOf(http.fetch(server.baseUrl, { deadline })),
    ).resolves.toMatchObject({ reason: 'rate-limited' });
    expect(server.requests).toHaveLength(1);
  });

  it('does not take a 403 for lack of permission as a rate limit', async () => {
    server = await startTestServer((_, res) =>
      sendJson(
        res,
        { message: 'Resource not accessible by integration' },
        403,
        {
          'x-ratelimit-remaining': '4999',
        },
      ),
    );
    await expect(client().fetch(server.baseUrl)).resolves.toMatchObject({
      status: 403,
    });
    expect(server.requests).toHaveLength(1);
  });

  it('gives up after the retries when every answer is rate limited', async () => {
    server = await startTestServer((_, res) =>
      sendJson(res, {}, 429, { 'retry-after': '0' }),
    );
    const error = await failureOf(client().fetch(server.baseUrl));
    expect(error).toMatchObject({ reason: 'retries-exhausted', attempts: 4 });
    expect(server.requests).toHaveLength(4);
  });

  it('stops waiting for the rate limit when the signal aborts', async () => {
    server = await startTestServer((_, res) =>
      sendJson(res, {}, 429, { 'retry-after': '30' }),
    );
    const http = client();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    await expect(
      failureOf(http.fetch(server.baseUrl, { signal: controller.signal })),
    ).resolves.toMatchObject({ reason: 'aborted', phase: 'rate-limit' });
  });
});
