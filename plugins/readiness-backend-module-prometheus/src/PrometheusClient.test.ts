import {
  sendEndless,
  sendJson,
} from '@readiness/plugin-readiness-node/testUtils';
import { vector } from './__testUtils__/fakePrometheus';
import { PrometheusClient } from './PrometheusClient';
import { testServerPerTest } from './__testUtils__/testServerPerTest';

describe('PrometheusClient', () => {
  const serve = testServerPerTest();

  it('runs an instant query and parses the samples', async () => {
    const { url, requests } = await serve((_, res) =>
      sendJson(
        res,
        vector(
          { labels: { job: 'a' }, value: '0.25' },
          { value: 'NaN' },
          { value: '+Inf' },
        ),
      ),
    );

    const samples = await new PrometheusClient({ baseUrl: url }).query(
      'avg(up{job="a"})',
    );

    expect(samples).toEqual([
      { labels: { job: 'a' }, value: 0.25 },
      { labels: {}, value: NaN },
      { labels: {}, value: Infinity },
    ]);
    expect(requests[0].url.pathname).toBe('/api/v1/query');
    expect(requests[0].url.searchParams.get('query')).toBe('avg(up{job="a"})');
  });

  it('parses a scalar result', async () => {
    const { url } = await serve((_, res) =>
      sendJson(res, {
        status: 'success',
        data: { resultType: 'scalar', result: [1700000000, '3'] },
      }),
    );

    await expect(
      new PrometheusClient({ baseUrl: url }).query('scalar(vector(3))'),
    ).resolves.toEqual([{ labels: {}, value: 3 }]);
  });

  it('keeps a path prefix, sends the headers, and turns URL credentials into basic auth', async () => {
    const { url, requests } = await serve((_, res) => sendJson(res, vector()));
    const withCredentials = new URL(url);
    withCredentials.username = 'reader';
    withCredentials.password = 's3cret';
    withCredentials.pathname = '/prometheus';

    const client = new PrometheusClient({
      baseUrl: withCredentials.toString(),
      headers: { 'X-Scope-OrgID': 'acme' },
    });
    await client.query('up');

    expect(requests[0].url.pathname).toBe('/prometheus/api/v1/query');
    expect(requests[0].headers['x-scope-orgid']).toBe('acme');
    expect(requests[0].headers.authorization).toBe(
      `Basic ${Buffer.from('reader:s3cret').toString('base64')}`,
    );
    expect(client.url).toBe(`${url}prometheus/`);
  });

  it('times out a request that gets no answer', async () => {
    const { url } = await serve(() => {
      // Never answers.
    });

    await expect(
      new PrometheusClient({ baseUrl: url, timeoutMs: 200 }).query('up'),
    ).rejects.toThrow('Prometheus GET /api/v1/query timed out after 200 ms');
  });

  it('gives up at the deadline when it comes before the timeout', async () => {
    const { url } = await serve(() => {
      // Never answers.
    });

    await expect(
      new PrometheusClient({ baseUrl: url, timeoutMs: 10_000 }).query('up', {
        deadline: new Date(Date.now() + 200),
      }),
    ).rejects.toThrow(
      /^Prometheus GET \/api\/v1\/query did not answer before the deadline/,
    );
  });

  it('stops when the signal is aborted', async () => {
    const { url } = await serve(() => {
      // Never answers.
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('the backend stopped')), 100);

    await expect(
      new PrometheusClient({ baseUrl: url }).query('up', {
        signal: controller.signal,
      }),
    ).rejects.toThrow(
      'Prometheus GET /api/v1/query was aborted: the backend stopped',
    );
  });

  it.each([
    [
      'a body that is not JSON',
      '<html>proxy error</html>',
      'text/html',
      'answered with a body that is not JSON (text/html)',
    ],
    [
      'no status',
      '{"data":{}}',
      'application/json',
      'answered with a malformed payload: no "status"',
    ],
    [
      'no data',
      '{"status":"success"}',
      'application/json',
      'answered with a malformed payload: no "data"',
    ],
    [
      'an error status',
      '{"status":"error","errorType":"execution","error":"query timed out"}',
      'application/json',
      'failed: execution: query timed out',
    ],
    [
      'a result that is not a list',
      '{"status":"success","data":{"resultType":"vector","result":{}}}',
      'application/json',
      'answered with a malformed payload: "data.result" is not a list',
    ],
    [
      'a value that is not a number',
      '{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"lots"]}]}}',
      'application/json',
      'answered with a malformed payload: data.result[0].value is not a [timestamp, "value"] pair: [1,"lots"]',
    ],
    [
      'a range vector',
      '{"status":"success","data":{"resultType":"matrix","result":[]}}',
      'application/json',
      'answered with a result of type "matrix"; the query must give an instant vector or a scalar',
    ],
  ])(
    'fails on %s, naming the problem',
    async (_, body, contentType, problem) => {
      const { url, requests } = await serve((__, res) => {
        res.writeHead(200, { 'content-type': contentType });
        res.end(body);
      });

      await expect(
        new PrometheusClient({ baseUrl: url }).query('up'),
      ).rejects.toThrow(`Prometheus GET /api/v1/query ${problem}`);
      expect(requests).toHaveLength(1);
    },
  );

  it('refuses a response larger than the limit', async () => {
    const { url } = await serve((_, res) =>
      sendJson(
        res,
        vector(...Array.from({ length: 100 }, () => ({ value: '1' }))),
      ),
    );

    await expect(
      new PrometheusClient({ baseUrl: url, maxResponseBytes: 1000 }).query(
        'up',
      ),
    ).rejects.toThrow(
      'Prometheus GET /api/v1/query answered with more than 1000 bytes',
    );
  });

  it('stops reading an endless answer at maxResponseBytes', async () => {
    let written: Promise<number> | undefined;
    const { url } = await serve((_, res) => {
      written = sendEndless(
        res,
        `{"status":"success","data":{"resultType":"vector","result":[${'{},'.repeat(
          20_000,
        )}`,
      );
    });

    await expect(
      new PrometheusClient({
        baseUrl: url,
        maxResponseBytes: 1024 * 1024,
      }).query('up'),
    ).rejects.toThrow(
      'Prometheus GET /api/v1/query answered with more than 1048576 bytes (readiness.prometheus.maxResponseBytes); the rest was not read',
    );
    expect(await written).toBeLessThan(16 * 1024 * 1024);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const { url } = await serve(async (_, res) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise(resolve => setTimeout(resolve, 30));
      inFlight -= 1;
      sendJson(res, vector({ value: '1' }));
    });
    const client = new PrometheusClient({ baseUrl: url, concurrency: 2 });

    await Promise.all(Array.from({ length: 8 }, () => client.query('up')));

    expect(most).toBe(2);
  });
});
