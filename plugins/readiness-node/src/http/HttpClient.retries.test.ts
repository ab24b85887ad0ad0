import { sendJson, startTestServer, TestServer } from '../testUtils';
import { HttpClient, HttpClientOptions } from './HttpClient';
import { HttpRequestError } from './HttpRequestError';

/** A day, in seconds: a Retry-After no request should make the others wait. */
const A_DAY_S = '86400';

describe('HttpClient retries', () => {
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
  /** Answers with `statuses` in turn, then 200; Retry-After from `headers`. */
  const serveStatuses = async (
    statuses: number[],
    headers: Record<string, string> = {},
  ) => {
    let i = 0;
    server = await startTestServer((_, res) => {
      const status = statuses[i++] ?? 200;
      sendJson(res, { status }, status, status === 200 ? {} : headers);
    });
    return server;
  };
  /** A client whose waits are recorded instead of slept. */
  const client = (options: Partial<HttpClientOptions> = {}) => {
    const waits: number[] = [];
    const http = new HttpClient({
      concurrency: 1,
      timeoutMs: 1000,
      retries: 2,
      retryStatuses: [429, 503],
      backoff: { initialMs: 100, random: () => 0.5 },
      sleep: async ms => {
        waits.push(ms);
      },
      ...options,
    });
    return { http, waits };
  };

  it('retries a retryable status with exponential back-off, then answers', async () => {
    const { baseUrl, requests } = await serveStatuses([503, 503]);
    const { http, waits } = client();
    await expect(http.fetch(baseUrl)).resolves.toMatchObject({ status: 200 });
    expect(requests).toHaveLength(3);
    expect(waits).toEqual([75, 150]);
  });

  it('gives up after the retries, with the last answer', async () => {
    const { baseUrl, requests } = await serveStatuses([503, 503, 503, 503]);
    const error = await failureOf(client().http.fetch(baseUrl));
    expect(error).toMatchObject({ reason: 'retries-exhausted', attempts: 3 });
    expect(error.lastFailure).toMatchObject({
      kind: 'status',
      answer: { status: 503 },
    });
    expect(requests).toHaveLength(3);
  });

  it('does not retry other statuses', async () => {
    const { baseUrl, requests } = await serveStatuses([404]);
    await expect(client().http.fetch(baseUrl)).resolves.toMatchObject({
      status: 404,
    });
    expect(requests).toHaveLength(1);
  });

  it('waits as Retry-After asks, in seconds, and holds back every caller', async () => {
    const { baseUrl } = await serveStatuses([429], { 'retry-after': '1' });
    const { http } = client({ sleep: undefined });
    const started = Date.now();
    await expect(http.fetch(baseUrl)).resolves.toMatchObject({ status: 200 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('reads Retry-After as an HTTP date', async () => {
    const inTwoSeconds = new Date(Date.now() + 2000).toUTCString();
    const { baseUrl } = await serveStatuses([503], {
      'retry-after': inTwoSeconds,
    });
    const { http, waits } = client();
    await http.fetch(baseUrl);
    expect(waits[0]).toBeGreaterThan(500);
    expect(waits[0]).toBeLessThanOrEqual(2000);
    expect(http.rateLimitedUntil).toBeDefined();
  });

  it('fails at once when Retry-After is longer than maxRetryAfterMs', async () => {
    const { baseUrl, requests } = await serveStatuses([429], {
      'retry-after': '120',
    });
    const error = await failureOf(
      client({ maxRetryAfterMs: 30_000 }).http.fetch(baseUrl),
    );
    expect(error).toMatchObject({
      reason: 'retry-after-too-long',
      waitMs: 120_000,
    });
    expect(requests).toHaveLength(1);
  });

  it('does not retry past the deadline', async () => {
    const { baseUrl, requests } = await serveStatuses([429], {
      'retry-after': '3',
    });
    const error = await failureOf(
      client().http.fetch(baseUrl, {
        deadline: new Date(Date.now() + 1000),
      }),
    );
    expect(error).toMatchObject({
      reason: 'retry-past-deadline',
      waitMs: 3000,
      attempts: 1,
    });
    expect(requests).toHaveLength(1);
  });

  it.each([
    ['retry-after-too-long', { maxRetryAfterMs: 30_000 }, undefined],
    ['retry-past-deadline', {}, 10_000],
    ['retries-exhausted', { retries: 0 }, undefined],
  ])(
    'a Retry-After that is not waited for (%s) holds back no other request',
    async (reason, options: Partial<HttpClientOptions>, deadlineInMs) => {
      const { baseUrl, requests } = await serveStatuses([503], {
        'retry-after': A_DAY_S,
      });
      const { http, waits } = client(options);
      const deadline =
        deadlineInMs === undefined
          ? undefined
          : new Date(Date.now() + deadlineInMs);
      await expect(
        failureOf(http.fetch(baseUrl, { deadline })),
      ).resolves.toMatchObject({ reason });
      expect(http.rateLimitedUntil).toBeUndefined();
      await expect(http.fetch(baseUrl)).resolves.toMatchObject({ status: 200 });
      expect(waits).toEqual([]);
      expect(requests).toHaveLength(2);
    },
  );

  it('a Retry-After that is waited for holds back the others, unless retryAfterHoldsOthers is false', async () => {
    const { baseUrl } = await serveStatuses([503, 200, 503], {
      'retry-after': '1',
    });
    const holding = client();
    await holding.http.fetch(baseUrl);
    expect(holding.http.rateLimitedUntil).toBeDefined();
    const { http, waits } = client({ retryAfterHoldsOthers: false });
    await http.fetch(baseUrl);
    expect(waits).toEqual([1000]);
    expect(http.rateLimitedUntil).toBeUndefined();
  });

  it('retries network errors and timeouts only when asked to', async () => {
    server = await startTestServer(() => {});
    const { baseUrl } = server;
    const timeouts = client({ timeoutMs: 100, retryTimeouts: true });
    const error = await failureOf(timeouts.http.fetch(baseUrl));
    expect(error).toMatchObject({
      reason: 'retries-exhausted',
      attempts: 3,
      lastFailure: { kind: 'timeout', timeoutMs: 100 },
    });
    await server.close();
    server = undefined;
    const network = client({ retryNetworkErrors: true });
    await expect(failureOf(network.http.fetch(baseUrl))).resolves.toMatchObject(
      {
        reason: 'retries-exhausted',
        lastFailure: { kind: 'network' },
      },
    );
    await expect(
      failureOf(client().http.fetch(baseUrl)),
    ).resolves.toMatchObject({ reason: 'network', attempts: 1 });
  });
});
