import { mockServices } from '@backstage/backend-test-utils';
import {
  sendJson,
  startTestServer,
  TestServer,
} from '@readiness/plugin-readiness-node/testUtils';
import { sonarQube } from './__testUtils__/fakeSonarQube';
import {
  collector,
  component,
  context,
  coverageCollector,
  KEY,
} from './__testUtils__/httpCollectorSetup';

describe('HttpCollector pagination', () => {
  let server: TestServer;
  afterEach(() => server?.close());
  const coverage = (overrides: object = {}) =>
    coverageCollector(server.baseUrl, overrides);

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
