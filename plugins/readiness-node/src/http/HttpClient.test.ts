import {
  sendEndless,
  sendJson,
  startTestServer,
  TestServer,
  TestServerHandler,
} from '../testUtils';
import { HttpClient } from './HttpClient';
import { HttpRequestError } from './HttpRequestError';

describe('HttpClient', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const serve = async (handler: TestServerHandler) => {
    server = await startTestServer(handler);
    return server;
  };
  const failureOf = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('it did not fail');
      },
      error => error as HttpRequestError,
    );

  it('returns the answer of any status, with its headers and body', async () => {
    const { baseUrl, requests } = await serve((request, res) =>
      sendJson(res, { seen: request.body }, 404, { 'x-id': '7' }),
    );
    const client = new HttpClient({ concurrency: 1, timeoutMs: 1000 });
    const answer = await client.fetch(`${baseUrl}/a?q=1`, {
      method: 'POST',
      headers: { authorization: 'Bearer s3cret' },
      body: 'hello',
    });
    expect(answer).toMatchObject({ status: 404, statusText: 'Not Found' });
    expect(answer.headers.get('x-id')).toBe('7');
    expect(JSON.parse(answer.text)).toEqual({ seen: 'hello' });
    expect(requests[0].method).toBe('POST');
    expect(requests[0].url.search).toBe('?q=1');
    expect(requests[0].headers.authorization).toBe('Bearer s3cret');
  });

  it('does not follow a redirect, so credentials stay with the host', async () => {
    const { baseUrl, requests } = await serve((_, res) =>
      res.writeHead(302, { location: 'http://elsewhere.example/' }).end(),
    );
    const client = new HttpClient({ concurrency: 1, timeoutMs: 1000 });
    await expect(client.fetch(`${baseUrl}/a`)).resolves.toMatchObject({
      status: 302,
    });
    expect(requests).toHaveLength(1);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    const test = await serve((_, res) => {
      setTimeout(() => sendJson(res, {}), 50);
    });
    const client = new HttpClient({ concurrency: 2, timeoutMs: 1000 });
    await Promise.all(
      Array.from({ length: 6 }, () => client.fetch(test.baseUrl)),
    );
    expect(test.requests).toHaveLength(6);
    expect(test.maxInFlight).toBe(2);
  });

  it('times an attempt out, naming the timeout', async () => {
    const { baseUrl } = await serve(() => {});
    const error = await failureOf(
      new HttpClient({ concurrency: 1, timeoutMs: 200 }).fetch(baseUrl),
    );
    expect(error).toMatchObject({ reason: 'timeout', timeoutMs: 200 });
    expect(error.message).toBe('no answer within 200 ms');
  });

  it('gives up at the deadline when it comes before the timeout', async () => {
    const { baseUrl, requests } = await serve(() => {});
    const client = new HttpClient({ concurrency: 1, timeoutMs: 10_000 });
    const deadline = new Date(Date.now() + 200);
    await expect(
      failureOf(client.fetch(baseUrl, { deadline })),
    ).resolves.toMatchObject({ reason: 'deadline' });
    await expect(
      failureOf(client.fetch(baseUrl, { deadline })),
    ).resolves.toMatchObject({ reason: 'deadline', attempts: 0 });
    expect(requests).toHaveLength(1);
  });

  it("stops when the caller's signal aborts, in flight or queued", async () => {
    const { baseUrl, requests } = await serve(() => {});
    const client = new HttpClient({ concurrency: 1, timeoutMs: 5000 });
    const controller = new AbortController();
    const first = client.fetch(baseUrl, { signal: controller.signal });
    const second = client.fetch(baseUrl, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(failureOf(first)).resolves.toMatchObject({
      reason: 'aborted',
      phase: 'request',
    });
    await expect(failureOf(second)).resolves.toMatchObject({
      reason: 'aborted',
      phase: 'queued',
    });
    expect(requests).toHaveLength(1);
  });

  it('stops reading an endless body at maxResponseBytes', async () => {
    let written: Promise<number> | undefined;
    const { baseUrl } = await serve((_, res) => {
      written = sendEndless(res, 'x'.repeat(1024));
    });
    const client = new HttpClient({
      concurrency: 1,
      timeoutMs: 5000,
      maxResponseBytes: 4096,
    });
    await expect(failureOf(client.fetch(baseUrl))).resolves.toMatchObject({
      reason: 'too-large',
      maxBytes: 4096,
    });
    expect(await written).toBeLessThan(10 * 1024 * 1024);
  });

  it('cancels unread the bodies that readsBody does not want, and answers them', async () => {
    const { baseUrl } = await serve((_, res) => {
      sendEndless(res, 'x'.repeat(1024));
    });
    const client = new HttpClient({
      concurrency: 1,
      timeoutMs: 5000,
      maxResponseBytes: 4096,
      readsBody: status => status !== 200,
    });
    await expect(client.fetch(baseUrl)).resolves.toMatchObject({
      status: 200,
      text: '',
    });
  });

  /** A request whose `beforeSend` waits `waitMs`, with a deadline in `deadlineMs`. */
  const failAfterBeforeSend = (
    url: string,
    { waitMs, deadlineMs }: { waitMs: number; deadlineMs: number },
  ) =>
    failureOf(
      new HttpClient({
        concurrency: 1,
        timeoutMs: 5000,
        beforeSend: () => new Promise(resolve => setTimeout(resolve, waitMs)),
      }).fetch(url, { deadline: new Date(Date.now() + deadlineMs) }),
    );

  it('sends nothing when beforeSend waits past the deadline', async () => {
    const { baseUrl, requests } = await serve((_, res) => sendJson(res, {}));
    const error = await failAfterBeforeSend(baseUrl, {
      waitMs: 300,
      deadlineMs: 100,
    });
    expect(error).toMatchObject({ reason: 'deadline', attempts: 0 });
    expect(requests).toHaveLength(0);
  });

  it('times an attempt by the time left after beforeSend', async () => {
    const { baseUrl } = await serve(() => {});
    const error = await failAfterBeforeSend(baseUrl, {
      waitMs: 400,
      deadlineMs: 800,
    });
    expect(error.reason).toBe('deadline');
    expect(error.timeoutMs).toBeLessThanOrEqual(500);
  });

  it('names an unreachable server by the network reason, not the URL', async () => {
    const { baseUrl } = await serve(() => {});
    await server!.close();
    server = undefined;
    const error = await failureOf(
      new HttpClient({ concurrency: 1, timeoutMs: 1000 }).fetch(
        `${baseUrl}/secret-path?token=abc`,
      ),
    );
    expect(error.reason).toBe('network');
    expect(error.message).not.toContain('token=abc');
    expect(String((error.cause as Error).cause)).toMatch(/ECONNREFUSED/);
  });
});
