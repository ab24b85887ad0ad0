import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { checkout } from '../__testUtils__/catalogEntities';
import { campaignDocument } from '../__testUtils__/definitionDocuments';
import { hideFromUsers } from '../__testUtils__/hideFromUsers';
import { startReadinessBackend } from '../__testUtils__/startReadinessBackend';

/** A service without a description: open in the campaign. */
function undescribed(name: string, owner = 'group:default/team-web'): Entity {
  const { description, ...metadata } = checkout.metadata;
  return {
    ...checkout,
    metadata: { ...metadata, name },
    spec: { ...checkout.spec, owner },
  };
}

const CAMPAIGN = campaignDocument('describe-all', 'production-readiness', {
  goal: { checks: ['description'] },
  startsAt: '2026-01-01',
  dueAt: '2099-12-31',
});

/**
 * The backend with checkout (described, so it meets the goal), three
 * services of team-web that do not, and one of a team users may not see;
 * each evaluated once so that its campaign rows are stored.
 */
async function backendWithCampaign() {
  const entities = [
    checkout,
    undescribed('svc-a'),
    undescribed('svc-b'),
    undescribed('svc-c'),
    undescribed('secret', 'group:default/team-secret'),
  ];
  const backend = await startReadinessBackend({
    entities,
    config: { readiness: { scorecards: [{ inline: CAMPAIGN }] } },
  });
  for (const entity of entities) {
    await request(backend.server)
      .get(`/api/readiness/entities/component/default/${entity.metadata.name}`)
      .expect(200);
  }
  hideFromUsers(backend.catalog, e => e.metadata.name === 'secret');
  return backend.server;
}

jest.setTimeout(30_000);

describe('readiness API: campaigns', () => {
  it('lists campaigns and details one, without the entities the caller may not read', async () => {
    const server = await backendWithCampaign();

    const list = await request(server).get('/api/readiness/campaigns');
    expect(list.status).toBe(200);
    expect(list.body).toEqual({
      items: [
        expect.objectContaining({
          id: 'describe-all',
          title: 'Campaign describe-all',
          scorecard: 'production-readiness',
          goal: { checks: ['description'] },
          phase: 'running',
          targeted: 4,
          met: 1,
          share: 0.25,
          regressed: 0,
          source: 'app-config readiness.scorecards[0].inline',
        }),
      ],
      problems: [],
    });

    const details = await request(server).get(
      '/api/readiness/campaigns/describe-all?limit=2',
    );
    expect(details.status).toBe(200);
    expect(details.body.campaign).toMatchObject({ targeted: 4, met: 1 });
    expect(details.body.definition).toMatchObject({ id: 'describe-all' });
    expect(details.body.byOwner).toEqual([
      {
        group: 'group:default/team-web',
        targeted: 3,
        met: 0,
        share: 0,
      },
      {
        group: 'group:default/team-payments',
        targeted: 1,
        met: 1,
        share: 1,
      },
    ]);
    expect(details.body.bySystem).toEqual([
      { group: 'system:default/payments', targeted: 4, met: 1, share: 0.25 },
    ]);
    // Nothing recorded yet: today's live point only.
    expect(details.body.burnUp).toEqual([
      { day: expect.any(String), targeted: 4, met: 1 },
    ]);
    expect(details.body.projectedCompletion).toBeNull();
    expect(details.body.enforcement).toBeUndefined();
    expect(details.body.entities).toEqual({
      items: [
        expect.objectContaining({
          entityRef: 'component:default/svc-a',
          owner: 'group:default/team-web',
          met: false,
          openChecks: ['description'],
        }),
        expect.objectContaining({ entityRef: 'component:default/svc-b' }),
      ],
      total: 3,
      nextCursor: expect.any(String),
    });
    expect(JSON.stringify(details.body)).not.toContain('secret');

    const next = await request(server)
      .get('/api/readiness/campaigns/describe-all')
      .query({ limit: 2, cursor: details.body.entities.nextCursor })
      .expect(200);
    expect(next.body.entities).toEqual({
      items: [
        expect.objectContaining({ entityRef: 'component:default/svc-c' }),
      ],
      total: 3,
    });

    const met = await request(server)
      .get('/api/readiness/campaigns/describe-all')
      .query({ status: 'met', owner: 'group:default/team-payments' })
      .expect(200);
    expect(met.body.entities.items).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/checkout',
        met: true,
        metAt: expect.any(String),
      }),
    ]);
  });

  it("answers an entity's campaigns, and 404 for an entity the caller may not read", async () => {
    const server = await backendWithCampaign();

    const res = await request(server)
      .get('/api/readiness/entities/component/default/svc-a/campaigns')
      .expect(200);
    expect(res.body).toEqual({
      entityRef: 'component:default/svc-a',
      items: [
        {
          campaign: 'describe-all',
          scorecard: 'production-readiness',
          title: 'Campaign describe-all',
          startsAt: '2026-01-01',
          dueAt: '2099-12-31',
          met: false,
          openChecks: ['description'],
        },
      ],
    });
    const hidden = await request(server).get(
      '/api/readiness/entities/component/default/secret/campaigns',
    );
    expect(hidden.status).toBe(404);
    expect(JSON.stringify(hidden.body)).not.toContain('describe-all');
  });

  it('refuses bad parameters naming them, and names the campaigns for an unknown one', async () => {
    const server = await backendWithCampaign();
    const get = (path: string, query: object = {}) =>
      request(server).get(`/api/readiness/campaigns${path}`).query(query);

    for (const [query, name] of [
      [{ limit: 0 }, 'limit'],
      [{ limit: 501 }, 'limit'],
      [{ status: 'done' }, 'status'],
      [{ cursor: 'not-a-cursor' }, 'cursor'],
    ] as const) {
      const res = await get('/describe-all', query);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(new RegExp(name));
    }
    // A cursor of the open entities is not one of the met ones.
    const open = await get('/describe-all', { limit: 1 }).expect(200);
    const mixed = await get('/describe-all', {
      status: 'met',
      cursor: open.body.entities.nextCursor,
    });
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.message).toMatch(/cursor/);

    const unknown = await get('/describe-everything');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(
      /No campaign "describe-everything"; the campaigns are describe-all/,
    );
    expect((await get('/Not_A_Name')).status).toBe(400);
  });
});
