import { sendJson } from '@readiness/plugin-readiness-node/testUtils';
import { PrometheusClient } from './PrometheusClient';
import { testServerPerTest } from './__testUtils__/testServerPerTest';

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

describe('PrometheusClient rules', () => {
  const serve = testServerPerTest();

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
