import { sendJson } from '@readiness/plugin-readiness-node/testUtils';
import { vector } from './__testUtils__/fakePrometheus';
import { freePort } from './__testUtils__/startPrometheus';
import { PrometheusClient } from './PrometheusClient';
import { testServerPerTest } from './__testUtils__/testServerPerTest';

describe('PrometheusClient retries', () => {
  const serve = testServerPerTest();
  /** The first request is answered `status` with `retryAfter`, every other with a sample. */
  let answered = 0;
  beforeEach(() => {
    answered = 0;
  });
  const serveRetryAfterOnce = (status: number, retryAfter: string) =>
    serve((_, res) => {
      answered += 1;
      if (answered === 1) {
        sendJson(res, 'slow down', status, { 'retry-after': retryAfter });
      } else {
        sendJson(res, vector({ value: '1' }));
      }
    });

  it('waits as Retry-After asks after a 429, then succeeds', async () => {
    const { url, requests } = await serveRetryAfterOnce(429, '1');

    const samples = await new PrometheusClient({ baseUrl: url }).query('up');

    expect(samples).toEqual([{ labels: {}, value: 1 }]);
    expect(requests).toHaveLength(2);
    expect(requests[1].at - requests[0].at).toBeGreaterThanOrEqual(950);
  });

  it('holds back every request while a Retry-After lasts', async () => {
    const { url, requests } = await serveRetryAfterOnce(429, '1');
    const client = new PrometheusClient({ baseUrl: url });

    const first = client.query('up');
    await new Promise(resolve => setTimeout(resolve, 200));
    await Promise.all([first, client.query('up')]);

    expect(requests).toHaveLength(3);
    // The second caller started after the 429 and still waited it out.
    expect(requests[1].at - requests[0].at).toBeGreaterThanOrEqual(950);
    expect(requests[2].at - requests[0].at).toBeGreaterThanOrEqual(950);
  });

  it('fails at once when Retry-After reaches past the deadline', async () => {
    const { url, requests } = await serve((_, res) =>
      sendJson(res, 'slow down', 429, { 'retry-after': '120' }),
    );

    await expect(
      new PrometheusClient({ baseUrl: url }).query('up', {
        deadline: new Date(Date.now() + 5000),
      }),
    ).rejects.toThrow(
      'Prometheus GET /api/v1/query answered 429 Too Many Requests; it asks to retry after 120 s, longer than the 30 s this collector waits',
    );
    expect(requests).toHaveLength(1);
  });

  it('does not hold back the next request for a Retry-After it refused', async () => {
    const { url, requests } = await serveRetryAfterOnce(503, '86400');
    const client = new PrometheusClient({ baseUrl: url });

    await expect(client.query('up')).rejects.toThrow(
      /asks to retry after 86400 s, longer than the 30 s this collector waits/,
    );
    const started = Date.now();
    await expect(client.query('up')).resolves.toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(requests).toHaveLength(2);
  });

  it('does not retry past the deadline', async () => {
    const { url, requests } = await serve((_, res) =>
      sendJson(res, 'slow down', 429, { 'retry-after': '3' }),
    );

    await expect(
      new PrometheusClient({ baseUrl: url }).query('up', {
        deadline: new Date(Date.now() + 1000),
      }),
    ).rejects.toThrow(
      'Prometheus GET /api/v1/query answered 429 Too Many Requests; retrying after 3000 ms would pass the deadline',
    );
    expect(requests).toHaveLength(1);
  });

  it('retries a 503 with backoff and gives up after the retries', async () => {
    const { url, requests } = await serve((_, res) =>
      sendJson(
        res,
        {
          status: 'error',
          errorType: 'unavailable',
          error: 'too many queries',
        },
        503,
      ),
    );

    await expect(
      new PrometheusClient({ baseUrl: url, retries: 2, backoffMs: 20 }).query(
        'up',
      ),
    ).rejects.toThrow(
      'Prometheus GET /api/v1/query answered 503 Service Unavailable: unavailable: too many queries (gave up after 3 attempts)',
    );
    expect(requests).toHaveLength(3);
  });

  it('retries a network error and names it', async () => {
    const port = await freePort();

    await expect(
      new PrometheusClient({
        baseUrl: `http://127.0.0.1:${port}`,
        retries: 1,
        backoffMs: 10,
      }).query('up'),
    ).rejects.toThrow(
      `Prometheus GET /api/v1/query failed: connect ECONNREFUSED 127.0.0.1:${port} (gave up after 2 attempts)`,
    );
  });

  it('does not retry a rejected query, and gives the server error', async () => {
    const { url, requests } = await serve((_, res) =>
      sendJson(
        res,
        {
          status: 'error',
          errorType: 'bad_data',
          error: '1:5: parse error: unexpected end of input',
        },
        400,
      ),
    );

    await expect(
      new PrometheusClient({ baseUrl: url }).query('sum('),
    ).rejects.toThrow(
      'Prometheus GET /api/v1/query answered 400 Bad Request: bad_data: 1:5: parse error: unexpected end of input',
    );
    expect(requests).toHaveLength(1);
  });

  it('points at the headers on 401, without repeating them', async () => {
    const { url } = await serve((_, res) => sendJson(res, 'no', 401));

    const error = await new PrometheusClient({
      baseUrl: url,
      headers: { Authorization: 'Bearer top-secret-token' },
    })
      .query('up')
      .catch(e => e);

    expect(error.message).toBe(
      'Prometheus GET /api/v1/query answered 401 Unauthorized; check the credentials in readiness.prometheus.headers',
    );
    expect(error.message).not.toContain('top-secret-token');
  });
});
