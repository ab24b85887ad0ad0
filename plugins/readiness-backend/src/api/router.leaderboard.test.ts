import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { checkout } from '../__testUtils__/catalogEntities';
import { startReadinessBackend } from '../__testUtils__/startReadinessBackend';

describe('readiness API: leaderboard', () => {
  it('ranks owners on a scorecard, and rejects a bad grouping naming it', async () => {
    const other: Entity = {
      ...checkout,
      metadata: { ...checkout.metadata, name: 'bare', description: undefined },
      spec: { type: 'service', owner: 'team-web', lifecycle: 'production' },
    };
    const { server } = await startReadinessBackend({
      entities: [checkout, other],
    });
    for (const name of ['checkout', 'bare']) {
      await request(server)
        .get(`/api/readiness/entities/component/default/${name}`)
        .expect(200);
    }

    const res = await request(server).get(
      '/api/readiness/leaderboard?scorecard=production-readiness&groupBy=owner&orderBy=group&order=asc&limit=1',
    );

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      total: 2,
      items: [
        expect.objectContaining({
          group: 'group:default/team-payments',
          entities: 1,
        }),
      ],
    });

    const bad = await request(server).get(
      '/api/readiness/leaderboard?scorecard=production-readiness&groupBy=team',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/groupBy/);

    const unknown = await request(server).get(
      '/api/readiness/leaderboard?scorecard=nope&groupBy=owner',
    );
    expect(unknown.status).toBe(404);
  });

  it('filters the leaderboard and gives each group its trend', async () => {
    const experimental: Entity = {
      ...checkout,
      metadata: { ...checkout.metadata, name: 'beta', tags: ['beta'] },
      spec: { ...checkout.spec, lifecycle: 'experimental', owner: 'team-web' },
    };
    const { server } = await startReadinessBackend({
      entities: [checkout, experimental],
    });
    for (const name of ['checkout', 'beta']) {
      await request(server)
        .get(`/api/readiness/entities/component/default/${name}`)
        .expect(200);
    }

    const res = await request(server)
      .get(
        '/api/readiness/leaderboard?scorecard=production-readiness&groupBy=owner&lifecycle=experimental&tag=beta&periodDays=7',
      )
      .expect(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        group: 'group:default/team-web',
        entities: 1,
        // Nothing was scored a week ago.
        trend: {
          since: expect.any(String),
          averageScore: null,
          change: null,
        },
      }),
    ]);
    const bad = await request(server).get(
      '/api/readiness/leaderboard?scorecard=production-readiness&groupBy=owner&periodDays=0',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/periodDays/);
  });
});
