import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { checkout } from '../__testUtils__/catalogEntities';
import { startReadinessBackend } from '../__testUtils__/startReadinessBackend';

describe('readiness API: results', () => {
  it('lists results, leaving out entities the caller may not read', async () => {
    const hidden: Entity = {
      ...checkout,
      metadata: { ...checkout.metadata, name: 'a-hidden' },
    };
    const { server, catalog } = await startReadinessBackend({
      entities: [checkout, hidden],
    });
    for (const name of ['checkout', 'a-hidden']) {
      await request(server)
        .get(`/api/readiness/entities/component/default/${name}`)
        .expect(200);
    }
    // The real catalog answers null for entities the caller may not read.
    const getEntitiesByRefs = catalog.getEntitiesByRefs.bind(catalog);
    jest
      .spyOn(catalog, 'getEntitiesByRefs')
      .mockImplementation(async (request_, options) => {
        const response = await getEntitiesByRefs(request_, options);
        return {
          items: response.items.map(e =>
            e?.metadata.name === 'a-hidden' ? undefined : e,
          ),
        };
      });

    const res = await request(server).get(
      '/api/readiness/results?scorecard=production-readiness&level=none&limit=1',
    );

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [
        expect.objectContaining({
          entityRef: 'component:default/checkout',
          level: null,
        }),
      ],
      nextCursor: expect.any(String),
    });
    // The same position whether a hidden entity came before or not.
    expect(JSON.stringify(res.body)).not.toContain('hidden');
    const next = await request(server)
      .get('/api/readiness/results')
      .query({
        scorecard: 'production-readiness',
        level: 'none',
        limit: 1,
        cursor: res.body.nextCursor,
      })
      .expect(200);
    expect(next.body).toEqual({ items: [], nextCursor: null });

    const bad = await request(server).get(
      '/api/readiness/results?scorecard=production-readiness&limit=9999',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/limit/);
    for (const cursor of ['2', Buffer.from('[0,"a"]').toString('base64url')]) {
      const forged = await request(server)
        .get('/api/readiness/results')
        .query({ scorecard: 'production-readiness', cursor });
      expect(forged.status).toBe(400);
      expect(forged.body.error.message).toMatch(/cursor/);
    }
    const offset = await request(server).get(
      '/api/readiness/results?scorecard=production-readiness&offset=1',
    );
    expect(offset.status).toBe(400);
    expect(offset.body.error.message).toMatch(/offset/);
  });
});
