import {
  sendEndless,
  sendJson,
  startTestServer,
  TestServer,
  TestServerHandler,
} from '@readiness/plugin-readiness-node/testUtils';
import { vector } from './__testUtils__/fakePrometheus';
import { freePort } from './__testUtils__/startPrometheus';
import { PrometheusClient } from './PrometheusClient';

const RULES_PAGE = (names: string[], next?: string) => ({
  status: 'success',
  data: {
    groups: [
      {
        name: 'g',
        file: 'rules.yml',
        rules: names.map(name => ({
          name,
          type: name.includes(':') ? 'recording' : 'alerting',
          query: `up{job="${name}"}`,
          labels: {},
          health: 'ok',
        })),
      },
    ],
    ...(next ? { groupNextToken: next } : {}),
  },
});

describe('PrometheusClient', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const serve = async (handler: TestServerHandler) => {
    server = await startTestServer(handler);
    return { url: `${server.baseUrl}/`, requests: server.requests };
  };

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

  it('waits as Retry-After asks after a 429, then succeeds', async () => {
    const { url, requests } = await serve((_, res) => {
      if (requests.length === 1) {
        sendJson(res, 'slow down', 429, { 'retry-after': '1' });
      } else {
        sendJson(res, vector({ value: '1' }));
      }
    });

    const samples = await new PrometheusClient({ baseUrl: url }).query('up');

    expect(samples).toEqual([{ labels: {}, value: 1 }]);
    expect(requests).toHaveLength(2);
    expect(requests[1].at - requests[0].at).toBeGreaterThanOrEqual(950);
  });

  it('holds back every request while a Retry-After lasts', async () => {
    const { url, requests } = await serve((_, res) => {
      if (requests.length === 1) {
        sendJson(res, 'slow down', 429, { 'retry-after': '1' });
      } else {
        sendJson(res, vector({ value: '1' }));
      }
    });
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

  it('lists rules of one type, page after page', async () => {
    const { url, requests } = await serve((request, res) => {
      const token = request.url.searchParams.get('group_next_token');
      if (!token) {
        sendJson(res, RULES_PAGE(['A', 'job:x:rate'], 'page-2'));
      } else if (token === 'page-2') {
        sendJson(res, RULES_PAGE(['B'], 'page-3'));
      } else {
        sendJson(res, RULES_PAGE(['C']));
      }
    });

    const rules = await new PrometheusClient({
      baseUrl: url,
      rulesPageSize: 1,
    }).rules('alert');

    // A server that ignores `type` still gives only alerting rules.
    expect(rules.map(r => r.name)).toEqual(['A', 'B', 'C']);
    expect(rules[0]).toEqual({
      name: 'A',
      type: 'alerting',
      query: 'up{job="A"}',
      labels: {},
    });
    expect(requests.map(r => Object.fromEntries(r.url.searchParams))).toEqual([
      { type: 'alert', exclude_alerts: 'true', group_limit: '1' },
      {
        type: 'alert',
        exclude_alerts: 'true',
        group_limit: '1',
        group_next_token: 'page-2',
      },
      {
        type: 'alert',
        exclude_alerts: 'true',
        group_limit: '1',
        group_next_token: 'page-3',
      },
    ]);
  });

  it('fails when the rules pages never end', async () => {
    const { url } = await serve((_, res) =>
      sendJson(res, RULES_PAGE(['A'], 'same-token')),
    );

    await expect(
      new PrometheusClient({ baseUrl: url }).rules('alert'),
    ).rejects.toThrow(
      'Prometheus GET /api/v1/rules kept answering with more pages (2 so far)',
    );
  });

  it('stops endless rules pages at maxRulePages', async () => {
    let page = 0;
    const { url, requests } = await serve((_, res) => {
      page += 1;
      sendJson(res, RULES_PAGE(['A'], `page-${page + 1}`));
    });

    await expect(
      new PrometheusClient({ baseUrl: url, maxRulePages: 5 }).rules('alert'),
    ).rejects.toThrow(
      'Prometheus GET /api/v1/rules has more than 5 pages of rules (readiness.prometheus.maxRulePages)',
    );
    expect(requests).toHaveLength(5);
  });

  it('fails on malformed rules', async () => {
    const { url } = await serve((_, res) =>
      sendJson(res, {
        status: 'success',
        data: {
          groups: [{ name: 'g', rules: [{ name: 'A', type: 'alerting' }] }],
        },
      }),
    );

    await expect(
      new PrometheusClient({ baseUrl: url }).rules('alert'),
    ).rejects.toThrow(
      'Prometheus GET /api/v1/rules answered with a malformed payload: data.groups[0].rules[0] has no string "name" and "query"',
    );
  });
});
