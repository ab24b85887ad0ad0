import { recordSends } from './__testUtils__/recordSends';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { setTimeout as sleep } from 'node:timers/promises';
import { HttpCollector } from './HttpCollector';
import { readHttpCollectorConfig } from './readHttpCollectorConfig';
import {
  sendEndless,
  sendJson,
  startTestServer,
  TestServer,
} from '@readiness/plugin-readiness-node/testUtils';
import { sonarQube } from './__testUtils__/fakeSonarQube';
import type { Entity } from './types';

const KEY = "metadata.annotations['sonarqube.org/project-key']";

const component = (name: string, projectKey?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    annotations: projectKey
      ? { 'sonarqube.org/project-key': projectKey }
      : undefined,
  },
  spec: { type: 'service', owner: 'team-payments' },
});

function context(deadlineMs = 10_000) {
  return {
    logger: mockServices.logger.mock(),
    signal: new AbortController().signal,
    deadline: new Date(Date.now() + deadlineMs),
  };
}

/** A collector from config, as the module makes it. */
function collector(entry: object): HttpCollector {
  const [spec] = readHttpCollectorConfig(
    new ConfigReader({ readiness: { http: { collectors: [entry] } } }),
  );
  return new HttpCollector(spec);
}

describe('HttpCollector', () => {
  let server: TestServer;
  afterEach(() => server?.close());

  const coverage = (overrides: object = {}) =>
    collector({
      id: 'sonarqube',
      appliesTo: {
        'metadata.annotations.sonarqube.org/project-key': { $exists: true },
      },
      url: `${server.baseUrl}/api/measures/component?component={{ ${KEY} }}&metricKeys=coverage`,
      headers: { Authorization: 'Bearer s3cret' },
      retries: 1,
      facts: [
        {
          name: 'sonarqube.coverage',
          type: 'number',
          description: 'Line coverage, in percent.',
          path: '$.component.measures[0].value',
        },
      ],
      ...overrides,
    });

  const gate = () =>
    collector({
      id: 'sonarqube-gate',
      url: `${server.baseUrl}/api/qualitygates/project_status?projectKey={{ ${KEY} }}`,
      facts: [
        {
          name: 'sonarqube-gate.passed',
          type: 'boolean',
          description: 'The quality gate passes.',
          path: '$.projectStatus.status',
          equals: 'OK',
        },
        {
          name: 'sonarqube-gate.status',
          type: 'string',
          description: 'The quality gate status.',
          path: '$.projectStatus.status',
        },
        {
          name: 'sonarqube-gate.conditions',
          type: 'string-list',
          description: 'Failing conditions.',
          path: '$.projectStatus.conditions[*].metricKey',
        },
      ],
    });

  it('maps SonarQube responses to typed facts', async () => {
    server = await startTestServer(
      sonarQube({
        'acme:payments': { coverage: '87.5', gate: 'OK' },
        'acme:checkout': { gate: 'ERROR' },
      }),
    );
    const payments = component('payments', 'acme:payments');
    await expect(coverage().collect([payments], context())).resolves.toEqual(
      new Map([['component:default/payments', { 'sonarqube.coverage': 87.5 }]]),
    );
    expect(server.requests[0].url.searchParams.get('component')).toBe(
      'acme:payments',
    );
    expect(server.requests[0].headers.authorization).toBe('Bearer s3cret');
    await expect(gate().collect([payments], context())).resolves.toEqual(
      new Map([
        [
          'component:default/payments',
          {
            'sonarqube-gate.passed': true,
            'sonarqube-gate.status': 'OK',
            'sonarqube-gate.conditions': [],
          },
        ],
      ]),
    );
    const checkout = component('checkout', 'acme:checkout');
    expect(
      (await gate().collect([checkout], context())).get(
        'component:default/checkout',
      ),
    ).toMatchObject({ 'sonarqube-gate.passed': false });
    // No coverage measured: the fact is left out, not made up.
    await expect(coverage().collect([checkout], context())).resolves.toEqual(
      new Map([['component:default/checkout', {}]]),
    );
  });

  it('declares its facts and appliesTo, without the paths', () => {
    server = { close: async () => undefined } as TestServer;
    const c = collector({
      id: 'sonarqube',
      appliesTo: { kind: 'component' },
      url: 'https://sonar.example.com/x/{{ metadata.name }}',
      facts: [
        { name: 'sonarqube.a', type: 'number', description: 'A.', path: '$.a' },
      ],
    });
    expect(c.id).toBe('sonarqube');
    expect(c.appliesTo).toEqual({ kind: 'component' });
    expect(c.facts).toEqual([
      { name: 'sonarqube.a', type: 'number', description: 'A.' },
    ]);
  });

  it('follows page numbers and merges list facts across pages', async () => {
    const issues = Array.from({ length: 5 }, (_, i) => ({
      key: `I${i}`,
      rule: `java:S${i}`,
      severity: i < 2 ? 'MAJOR' : 'MINOR',
    }));
    server = await startTestServer(sonarQube({ 'acme:payments': { issues } }));
    const entry = {
      id: 'sonarqube-issues',
      url: `${server.baseUrl}/api/issues/search?componentKeys={{ ${KEY} }}&resolved=false`,
      pagination: {
        pageParam: 'p',
        pageSizeParam: 'ps',
        pageSize: 2,
        totalPath: '$.paging.total',
      },
      facts: [
        {
          name: 'sonarqube-issues.rules',
          type: 'string-list',
          description: 'Rules with open issues.',
          path: '$.issues[*].rule',
        },
        {
          name: 'sonarqube-issues.total',
          type: 'number',
          description: 'Open issues.',
          path: '$.total',
        },
      ],
    };
    const result = await collector(entry).collect(
      [component('payments', 'acme:payments')],
      context(),
    );
    expect(result.get('component:default/payments')).toEqual({
      'sonarqube-issues.rules': issues.map(i => i.rule),
      'sonarqube-issues.total': 5,
    });
    expect(server.requests.map(r => r.url.searchParams.get('p'))).toEqual([
      '1',
      '2',
      '3',
    ]);
    expect(server.requests[0].url.searchParams.get('ps')).toBe('2');

    // Too many pages: the list would be incomplete, so it is left out.
    const logger = mockServices.logger.mock();
    const capped = await collector({
      ...entry,
      pagination: { ...entry.pagination, maxPages: 2 },
    }).collect([component('payments', 'acme:payments')], {
      ...context(),
      logger,
    });
    expect(capped.get('component:default/payments')).toEqual({
      'sonarqube-issues.total': 5,
    });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('more than 2 pages'),
    );
  });

  it('follows next links on the same host, and refuses other hosts', async () => {
    server = await startTestServer(({ url }, res) => {
      const page = Number(url.searchParams.get('page') ?? 1);
      const next =
        url.pathname === '/away'
          ? 'http://elsewhere.invalid/steal'
          : page < 3 &&
            `/services/${url.pathname.split('/')[2]}?page=${page + 1}`;
      sendJson(res, {
        items: [{ name: `check-${page}` }],
        next: next || null,
      });
    });
    const links = (url: string) =>
      collector({
        id: 'checks',
        url,
        pagination: { nextUrlPath: '$.next' },
        facts: [
          {
            name: 'checks.names',
            type: 'string-list',
            description: 'Checks.',
            path: '$.items[*].name',
          },
        ],
      });
    const result = await links(
      `${server.baseUrl}/services/{{ metadata.name }}`,
    ).collect([component('payments')], context());
    expect(result.get('component:default/payments')).toEqual({
      'checks.names': ['check-1', 'check-2', 'check-3'],
    });
    await expect(
      links(`${server.baseUrl}/away`).collect([component('x')], context()),
    ).rejects.toThrow(/the next page is on another host/);
  });

  it('honours 429 Retry-After, then succeeds', async () => {
    const sonar = sonarQube({ 'acme:payments': { coverage: '50' } });
    server = await startTestServer((req, res) =>
      server.requests.length === 1
        ? sendJson(res, { errors: [] }, 429, { 'retry-after': '1' })
        : sonar(req, res),
    );
    const result = await coverage().collect(
      [component('payments', 'acme:payments')],
      context(),
    );
    expect(result.get('component:default/payments')).toEqual({
      'sonarqube.coverage': 50,
    });
    expect(
      server.requests[1].at - server.requests[0].at,
    ).toBeGreaterThanOrEqual(950);
  });

  it('keeps to the rate limit across entities and batches', async () => {
    const projects = Object.fromEntries(
      [0, 1, 2, 3, 4].map(i => [`p${i}`, { coverage: `${i}` }]),
    );
    server = await startTestServer(sonarQube(projects));
    const c = coverage({ rateLimit: { requests: 20, per: '1s' } });
    const entities = Object.keys(projects).map(k => component(k, k));
    // As the backend calls it: one entity per call, several calls at once.
    const sends = recordSends();
    const results = await Promise.all(
      entities.map(e => c.collect([e], context())),
    ).finally(sends.restore);
    expect(results.map(r => [...r.values()][0])).toEqual(
      [0, 1, 2, 3, 4].map(i => ({ 'sonarqube.coverage': i })),
    );
    // 50 ms apart; timers may fire a millisecond early, never much more.
    for (let i = 1; i < sends.times.length; i++) {
      expect(sends.times[i] - sends.times[i - 1]).toBeGreaterThanOrEqual(48);
    }
    expect(sends.times).toHaveLength(5);
  });

  it('throws naming the timeout', async () => {
    server = await startTestServer(async (_, res) => {
      await sleep(1000);
      sendJson(res, {});
    });
    await expect(
      coverage({ timeout: '100ms', retries: 0 }).collect(
        [component('payments', 'acme:payments')],
        context(),
      ),
    ).rejects.toThrow(/\/api\/measures\/component timed out after 100 ms/);
  });

  it('throws naming the status once retries are spent', async () => {
    server = await startTestServer((_, res) => sendJson(res, {}, 500));
    const error: Error = await coverage()
      .collect([component('payments', 'acme:payments')], context())
      .then(
        () => new Error('expected a failure'),
        e => e,
      );
    expect(error.message).toMatch(
      /answered 500 Internal Server Error \(2 attempts\)$/,
    );
    expect(error.message).not.toContain('s3cret');
    expect(server.requests).toHaveLength(2);
  });

  it('throws on a malformed payload', async () => {
    server = await startTestServer((_, res) =>
      sendJson(res, '<html>Maintenance</html>'),
    );
    await expect(
      coverage().collect([component('payments', 'acme:payments')], context()),
    ).rejects.toThrow(/malformed JSON/);
  });

  it('leaves out facts of a well-formed payload of the wrong shape', async () => {
    server = await startTestServer((_, res) =>
      sendJson(res, { component: { measures: [{ value: 'n/a' }] } }),
    );
    await expect(
      coverage().collect([component('payments', 'acme:payments')], context()),
    ).resolves.toEqual(new Map([['component:default/payments', {}]]));
  });

  it('throws naming the template field an entity lacks', async () => {
    server = await startTestServer(sonarQube({}));
    await expect(
      coverage().collect([component('payments')], context()),
    ).rejects.toThrow(`the entity has no value at ${KEY} to fill the template`);
    expect(server.requests).toHaveLength(0);
  });

  it('leaves failed entities out of a batch, and throws only if all fail', async () => {
    server = await startTestServer(sonarQube({ ok: { coverage: '10' } }));
    const logger = mockServices.logger.mock();
    const result = await coverage().collect(
      [component('a', 'ok'), component('b', 'missing'), component('c')],
      { ...context(), logger },
    );
    expect(result).toEqual(
      new Map([['component:default/a', { 'sonarqube.coverage': 10 }]]),
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/^component:default\/b: .*answered 404 Not Found/),
    );
    await expect(
      coverage().collect(
        [component('b', 'missing'), component('c')],
        context(),
      ),
    ).rejects.toThrow(/404 Not Found/);
  });

  it('stops at the deadline', async () => {
    server = await startTestServer(async (_, res) => {
      await sleep(1000);
      sendJson(res, {});
    });
    await expect(
      coverage().collect([component('a', 'a')], context(100)),
    ).rejects.toThrow(/stopped: the deadline passed/);
  });

  it('sends a POST body with JSON-escaped values', async () => {
    server = await startTestServer(({ body }, res) =>
      sendJson(res, { data: { service: { tier: JSON.parse(body).name } } }),
    );
    const c = collector({
      id: 'graph',
      url: `${server.baseUrl}/graphql`,
      method: 'POST',
      body: '{"name": "{{ metadata.name }}"}',
      facts: [
        {
          name: 'graph.tier',
          type: 'string',
          description: 'Tier.',
          path: '$.data.service.tier',
        },
      ],
    });
    const result = await c.collect([component('pay"ments')], context());
    expect(result.get('component:default/pay"ments')).toEqual({
      'graph.tier': 'pay"ments',
    });
    expect(server.requests[0].method).toBe('POST');
    expect(server.requests[0].headers['content-type']).toBe('application/json');
  });

  describe('with an annotation that tries to leave its place in the URL', () => {
    const byPath = () =>
      coverage({
        url: `${server.baseUrl}/api/projects/{{ ${KEY} }}/status?key={{ ${KEY} }}`,
      });

    it.each(['..', '.', '../admin', 'a/b', '..\\admin'])(
      'sends no request for %j and says why',
      async projectKey => {
        server = await startTestServer((_, res) => sendJson(res, {}));
        await expect(
          byPath().collect([component('payments', projectKey)], context()),
        ).rejects.toThrow(
          `the value at ${KEY} ${JSON.stringify(
            projectKey,
          )} cannot be a path segment of a URL`,
        );
        expect(server.requests).toEqual([]);
      },
    );

    it.each([
      '%2e%2e',
      '%2E%2E%2Fadmin',
      '..%2f..',
      'evil.example.com@127.0.0.1',
      'x#fragment',
      'x?admin=true',
      'x&key=other',
    ])('sends %j only to its own path and query value', async projectKey => {
      server = await startTestServer((_, res) =>
        sendJson(res, { component: { measures: [{ value: '1' }] } }),
      );
      await byPath().collect([component('payments', projectKey)], context());
      expect(server.requests).toHaveLength(1);
      const [request] = server.requests;
      expect(request.url.pathname).toBe(
        `/api/projects/${encodeURIComponent(projectKey)}/status`,
      );
      expect([...request.url.searchParams]).toEqual([['key', projectKey]]);
    });
  });

  it('stops reading an endless response at maxResponseBytes, and says why', async () => {
    let written: Promise<number> | undefined;
    server = await startTestServer((_, res) => {
      written = sendEndless(res, `[${'1,'.repeat(32 * 1024)}`);
    });
    await expect(
      coverage({ maxResponseBytes: 1024 * 1024 }).collect(
        [component('payments', 'acme:payments')],
        context(),
      ),
    ).rejects.toThrow(
      /answered more than 1048576 bytes \(maxResponseBytes\); the rest was not read \(1 attempt\)/,
    );
    expect(await written).toBeLessThan(16 * 1024 * 1024);
  });

  it('stops an endless pagination at maxPages', async () => {
    server = await startTestServer(({ url }, res) =>
      sendJson(res, {
        component: { measures: [{ value: '1' }] },
        next: `/api/measures/component?page=${
          Number(url.searchParams.get('page') ?? 1) + 1
        }`,
      }),
    );
    const collected = await coverage({
      pagination: { nextUrlPath: '$.next', maxPages: 3 },
    }).collect([component('payments', 'acme:payments')], context());
    expect(server.requests).toHaveLength(3);
    expect(collected.get('component:default/payments')).toEqual({
      'sonarqube.coverage': 1,
    });
  });
});
