import request from 'supertest';
import { checkout } from '../__testUtils__/catalogEntities';
import { startReadinessBackend } from '../__testUtils__/startReadinessBackend';

describe("readiness API: an entity's history", () => {
  it('serves the history of changes, with their cause', async () => {
    const { server, catalog } = await startReadinessBackend({
      entities: [checkout],
    });
    const url = '/api/readiness/entities/component/default/checkout';
    await request(server).get(url).expect(200);
    jest.spyOn(catalog, 'getEntityByRef').mockResolvedValue({
      ...checkout,
      metadata: {
        ...checkout.metadata,
        etag: 'etag-2',
        annotations: {
          ...checkout.metadata.annotations,
          'backstage.io/techdocs-ref': 'dir:.',
        },
      },
    });
    await request(server).get(url).expect(200);

    const res = await request(server).get(`${url}/history?limit=5`);

    expect(res.status).toBe(200);
    expect(res.body.entityRef).toBe('component:default/checkout');
    expect(res.body.changes.map((c: { cause: string }) => c.cause)).toEqual([
      'entity',
      'first-evaluation',
    ]);
    expect(res.body.changes[0].checks).toEqual([
      { check: 'techdocs', before: 'fail', after: 'pass' },
    ]);
  });

  it('rejects a bad history limit with 400 naming it', async () => {
    const { server } = await startReadinessBackend({ entities: [checkout] });
    const res = await request(server).get(
      '/api/readiness/entities/component/default/checkout/history?limit=0',
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/limit/);
  });

  it('answers 404 for the history of an entity the caller may not see', async () => {
    const { server, catalog } = await startReadinessBackend({
      entities: [checkout],
    });
    jest.spyOn(catalog, 'getEntityByRef').mockResolvedValue(undefined);
    const res = await request(server).get(
      '/api/readiness/entities/component/default/checkout/history',
    );
    expect(res.status).toBe(404);
  });
});
