import { ResponseError } from '@backstage/errors';
import type { EntityReadiness } from '@readiness/plugin-readiness-common';
import { ReadinessClient } from './ReadinessClient';

const baseUrl = 'http://backend.test/api/readiness';
const body: EntityReadiness = {
  entityRef: 'component:default/svc',
  scorecards: [],
};

function jsonResponse(status: number, json: unknown) {
  return new Response(JSON.stringify(json), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function setup(response: Response) {
  const fetch = jest.fn(
    async (_input: RequestInfo | URL, _init?: RequestInit) => response.clone(),
  );
  const discoveryApi = { getBaseUrl: jest.fn(async () => baseUrl) };
  const client = new ReadinessClient({ discoveryApi, fetchApi: { fetch } });
  return { client, fetch, discoveryApi };
}

describe('ReadinessClient', () => {
  it('gets readiness from the readiness backend, encoding each ref part', async () => {
    const { client, fetch, discoveryApi } = setup(jsonResponse(200, body));

    await expect(
      client.getEntityReadiness({
        kind: 'Component',
        namespace: 'team a',
        name: 'svc/v2?x#y',
      }),
    ).resolves.toEqual(body);

    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('readiness');
    expect(fetch).toHaveBeenCalledWith(
      `${baseUrl}/entities/Component/team%20a/svc%2Fv2%3Fx%23y`,
      undefined,
    );
  });

  it('accepts a string entity ref', async () => {
    const { client, fetch } = setup(jsonResponse(200, body));

    await client.getEntityReadiness('component:default/svc');

    expect(fetch.mock.calls[0][0]).toBe(
      `${baseUrl}/entities/component/default/svc`,
    );
  });

  it('refreshes with a POST to the refresh endpoint', async () => {
    const { client, fetch } = setup(jsonResponse(200, body));

    await expect(
      client.refreshEntityReadiness('component:default/svc'),
    ).resolves.toEqual(body);

    expect(fetch).toHaveBeenCalledWith(
      `${baseUrl}/entities/component/default/svc/refresh`,
      { method: 'POST' },
    );
  });

  it('rejects with a ResponseError carrying the backend error', async () => {
    const { client } = setup(
      jsonResponse(404, {
        error: { name: 'NotFoundError', message: 'No such entity' },
        request: { method: 'GET', url: '/entities/component/default/nope' },
        response: { statusCode: 404 },
      }),
    );

    const error = await client
      .getEntityReadiness('component:default/nope')
      .catch(e => e);

    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
    expect(error.cause.name).toBe('NotFoundError');
    expect(error.cause.message).toBe('No such entity');
  });

  it('gets the history, with a limit when given', async () => {
    const history = { entityRef: 'component:default/svc', changes: [] };
    const { client, fetch } = setup(jsonResponse(200, history));

    await expect(
      client.getEntityHistory('component:default/svc', { limit: 10 }),
    ).resolves.toEqual(history);
    await client.getEntityHistory('component:default/svc');

    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${baseUrl}/entities/component/default/svc/history?limit=10`,
      `${baseUrl}/entities/component/default/svc/history`,
    ]);
  });

  it('lists the scorecards and gets one, encoding its id', async () => {
    const { client, fetch } = setup(
      jsonResponse(200, { items: [], problems: [] }),
    );

    await client.getScorecards();
    await client.getScorecard('a b/c');

    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${baseUrl}/scorecards`,
      `${baseUrl}/scorecards/a%20b%2Fc`,
    ]);
  });

  it('gets the leaderboard with the parameters that are set, and only those', async () => {
    const { client, fetch } = setup(jsonResponse(200, { items: [], total: 0 }));

    await client.getLeaderboard({
      scorecard: 'production-readiness',
      groupBy: 'owner',
      orderBy: 'trend',
      order: 'desc',
      periodDays: 90,
      kind: 'component',
      type: undefined,
      tag: 'c++ & go',
      limit: 20,
      offset: 40,
    });

    const url = new URL(fetch.mock.calls[0][0] as string);
    expect(`${url.origin}${url.pathname}`).toBe(`${baseUrl}/leaderboard`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      scorecard: 'production-readiness',
      groupBy: 'owner',
      orderBy: 'trend',
      order: 'desc',
      periodDays: '90',
      kind: 'component',
      tag: 'c++ & go',
      limit: '20',
      offset: '40',
    });
  });

  it('lists results filtered by check status and entity attributes', async () => {
    const { client, fetch } = setup(
      jsonResponse(200, { items: [], nextCursor: null }),
    );

    await client.listResults({
      scorecard: 'production-readiness',
      check: 'owner-set',
      status: 'fail',
      owner: 'group:default/team-a',
      lifecycle: 'production',
      limit: 20,
      cursor: 'AbC-_9',
    });

    expect(fetch.mock.calls[0][0]).toBe(
      `${baseUrl}/results?scorecard=production-readiness&check=owner-set&status=fail&owner=group%3Adefault%2Fteam-a&lifecycle=production&limit=20&cursor=AbC-_9`,
    );
  });

  it('lists the campaigns and gets one with its entity page, encoding the name', async () => {
    const { client, fetch } = setup(
      jsonResponse(200, { items: [], problems: [] }),
    );

    await client.getCampaigns();
    await client.getCampaign('q3 tls/x');
    await client.getCampaign('tls', {
      status: 'regressed',
      owner: 'group:default/team-a',
      limit: 50,
      cursor: 'Zm9v',
    });

    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${baseUrl}/campaigns`,
      `${baseUrl}/campaigns/q3%20tls%2Fx`,
      `${baseUrl}/campaigns/tls?status=regressed&owner=group%3Adefault%2Fteam-a&limit=50&cursor=Zm9v`,
    ]);
  });

  it("gets an entity's campaigns", async () => {
    const campaigns = { entityRef: 'component:default/svc', items: [] };
    const { client, fetch } = setup(jsonResponse(200, campaigns));

    await expect(
      client.getEntityCampaigns('component:default/svc'),
    ).resolves.toEqual(campaigns);

    expect(fetch.mock.calls[0][0]).toBe(
      `${baseUrl}/entities/component/default/svc/campaigns`,
    );
  });

  it('creates a badge with a POST of the entity ref and scorecard', async () => {
    const badge = { id: 'x'.repeat(32), url: 'u', markdown: 'm' };
    const { client, fetch } = setup(jsonResponse(200, badge));

    await expect(
      client.createBadge(
        { kind: 'Component', namespace: 'default', name: 'svc' },
        'production-readiness',
      ),
    ).resolves.toEqual(badge);

    expect(fetch.mock.calls[0][0]).toBe(`${baseUrl}/badges`);
    expect(fetch.mock.calls[0][1]).toMatchObject({ method: 'POST' });
    expect(JSON.parse(String(fetch.mock.calls[0][1]?.body))).toEqual({
      entityRef: 'component:default/svc',
      scorecard: 'production-readiness',
    });
  });

  it('revokes a badge with a DELETE of its id, expecting no body', async () => {
    const { client, fetch } = setup(new Response(null, { status: 204 }));

    await expect(client.revokeBadge('q7Zt-3k_Pj')).resolves.toBeUndefined();

    expect(fetch.mock.calls[0][0]).toBe(`${baseUrl}/badges/q7Zt-3k_Pj`);
    expect(fetch.mock.calls[0][1]).toMatchObject({ method: 'DELETE' });
  });

  it("gets a team's readiness by group ref, and the leaderboard rolled up", async () => {
    const { client, fetch } = setup(jsonResponse(200, { items: [], total: 0 }));

    await client.getTeamReadiness('group:team-a', 'production-readiness');
    await client.getTeamReadiness(
      { kind: 'Group', namespace: 'org x', name: 'team/b' },
      'api-quality',
    );
    await client.getLeaderboard({
      scorecard: 'production-readiness',
      groupBy: 'owner',
      rollup: true,
    });

    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${baseUrl}/groups/default/team-a?scorecard=production-readiness`,
      `${baseUrl}/groups/org%20x/team%2Fb?scorecard=api-quality`,
      `${baseUrl}/leaderboard?scorecard=production-readiness&groupBy=owner&rollup=true`,
    ]);
  });
});
