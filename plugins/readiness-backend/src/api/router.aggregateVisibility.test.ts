import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { checkout } from '../__testUtils__/catalogEntities';
import { hideFromUsers } from '../__testUtils__/hideFromUsers';
import { startReadinessBackend } from '../__testUtils__/startReadinessBackend';

describe('readiness API: aggregates the caller may see', () => {
  it('leaves the entities the caller may not read out of every aggregate', async () => {
    const hidden: Entity = {
      ...checkout,
      metadata: { ...checkout.metadata, name: 'hidden' },
      spec: { ...checkout.spec, owner: 'team-secret' },
    };
    const { server, catalog } = await startReadinessBackend({
      entities: [checkout, hidden],
    });
    for (const name of ['checkout', 'hidden']) {
      await request(server)
        .get(`/api/readiness/entities/component/default/${name}`)
        .expect(200);
    }
    // As the catalog's permission rules would: users do not see "hidden".
    hideFromUsers(catalog, e => e.metadata.name === 'hidden');

    const board = await request(server)
      .get(
        '/api/readiness/leaderboard?scorecard=production-readiness&groupBy=owner',
      )
      .expect(200);
    expect(board.body.items.map((r: { group: string }) => r.group)).toEqual([
      'group:default/team-payments',
    ]);
    const details = await request(server)
      .get('/api/readiness/scorecards/production-readiness')
      .expect(200);
    expect(details.body.scorecard.entities).toBe(1);
    const firstCheckCounts: number[] = Object.values(
      details.body.checks[0].counts,
    );
    expect(firstCheckCounts.reduce((a, b) => a + b)).toBe(1);
    const list = await request(server)
      .get('/api/readiness/scorecards')
      .expect(200);
    expect(
      list.body.items.find(
        (s: { id: string }) => s.id === 'production-readiness',
      ).entities,
    ).toBe(1);
  });
});
