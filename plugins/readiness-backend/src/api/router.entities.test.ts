import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import {
  checkout,
  paymentsTeam,
  paymentsSystem,
  library,
} from '../__testUtils__/catalogEntities';
import { startReadinessBackend } from '../__testUtils__/startReadinessBackend';

describe("readiness API: an entity's readiness", () => {
  it('evaluates an entity and serves its readiness', async () => {
    const { server } = await startReadinessBackend({
      entities: [checkout, paymentsTeam, paymentsSystem],
    });

    const res = await request(server).get(
      '/api/readiness/entities/component/default/checkout',
    );

    expect(res.status).toBe(200);
    expect(res.body.entityRef).toBe('component:default/checkout');
    const [result] = res.body.scorecards;
    expect(result.scorecard.id).toBe('production-readiness');
    // No source location, and no repository collector to find CI.
    expect(result.level).toBeNull();
    expect(result.nextLevel).toBe('bronze');
    const checks = Object.fromEntries(
      result.checks.map(
        (c: { id: string; status: string; reason?: string }) => [c.id, c],
      ),
    );
    expect(checks['owner-set'].status).toBe('pass');
    expect(checks['owner-resolves'].status).toBe('pass');
    expect(checks['on-call'].status).toBe('pass');
    expect(checks.runbook.status).toBe('pass');
    expect(checks.techdocs.status).toBe('fail');
    expect(checks['ci-pipeline']).toMatchObject({
      status: 'unknown',
      reason:
        'fact github.workflows was not collected; fact repository.ciWorkflows was not collected',
    });
    expect(checks['model-versioned'].status).toBe('not-applicable');
  });

  it('serves the stored result until the entity changes', async () => {
    const { server, catalog } = await startReadinessBackend({
      entities: [checkout],
    });
    const url = '/api/readiness/entities/component/default/checkout';

    const first = await request(server).get(url).expect(200);
    const again = await request(server).get(url).expect(200);
    expect(again.body.scorecards[0].evaluatedAt).toBe(
      first.body.scorecards[0].evaluatedAt,
    );

    const changed: Entity = {
      ...checkout,
      metadata: {
        ...checkout.metadata,
        etag: 'etag-2',
        annotations: {
          ...checkout.metadata.annotations,
          'backstage.io/techdocs-ref': 'dir:.',
        },
      },
    };
    jest.spyOn(catalog, 'getEntityByRef').mockResolvedValue(changed);
    const after = await request(server).get(url).expect(200);
    const techdocs = after.body.scorecards[0].checks.find(
      (c: { id: string }) => c.id === 'techdocs',
    );
    expect(techdocs.status).toBe('pass');
  });

  it('returns no scorecards for an entity none applies to', async () => {
    const { server } = await startReadinessBackend({ entities: [library] });
    const res = await request(server).get(
      '/api/readiness/entities/component/default/utils',
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      entityRef: 'component:default/utils',
      scorecards: [],
    });
  });

  it('answers 404 for an entity the catalog does not show the caller', async () => {
    const { server, catalog } = await startReadinessBackend({
      entities: [checkout],
    });
    // The real catalog hides entities the caller may not read.
    jest.spyOn(catalog, 'getEntityByRef').mockResolvedValue(undefined);

    const res = await request(server).get(
      '/api/readiness/entities/component/default/checkout',
    );
    expect(res.status).toBe(404);
    expect(res.body.error.name).toBe('NotFoundError');
    expect(res.body.error.message).toContain('component:default/checkout');
  });

  it('passes the caller credentials to the catalog', async () => {
    const { server, catalog } = await startReadinessBackend({
      entities: [checkout],
    });
    const spy = jest.spyOn(catalog, 'getEntityByRef');

    await request(server)
      .get('/api/readiness/entities/component/default/checkout')
      .expect(200);

    expect(spy).toHaveBeenCalledWith(
      { kind: 'component', namespace: 'default', name: 'checkout' },
      { credentials: mockCredentials.user() },
    );
  });

  it('rejects unauthenticated requests', async () => {
    const { server } = await startReadinessBackend({ entities: [checkout] });
    const res = await request(server)
      .get('/api/readiness/entities/component/default/checkout')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
    expect(res.body.error.name).toBe('AuthenticationError');
  });

  it('serves services too, such as a CI pipeline with a static token', async () => {
    const { server } = await startReadinessBackend({ entities: [checkout] });
    const res = await request(server)
      .get('/api/readiness/entities/component/default/checkout')
      .set('Authorization', mockCredentials.service.header());
    expect(res.status).toBe(200);
  });

  it('rejects a malformed entity name with 400 naming the parameter', async () => {
    const { server } = await startReadinessBackend({ entities: [checkout] });
    const res = await request(server).get(
      '/api/readiness/entities/component/default/bad%20name!',
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/name/);
  });
});
