import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { readinessPlugin } from './plugin';

const checkout: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    etag: 'etag-1',
    description: 'Takes payments',
    annotations: { 'pagerduty.com/service-id': 'PCHKOUT' },
    links: [{ url: 'https://runbooks.example/checkout', type: 'runbook' }],
  },
  spec: {
    type: 'service',
    owner: 'group:default/team-payments',
    lifecycle: 'production',
    system: 'payments',
  },
};

const library: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'utils' },
  spec: { type: 'library', owner: 'team-web', lifecycle: 'production' },
};

async function startBackend(entities: Entity[]) {
  const catalog = catalogServiceMock({ entities });
  const { server } = await startTestBackend({
    features: [
      readinessPlugin,
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog,
      }),
    ],
  });
  return { server, catalog };
}

describe('readiness backend plugin', () => {
  it('evaluates an entity and serves its readiness', async () => {
    const { server } = await startBackend([checkout]);

    const res = await request(server).get(
      '/api/readiness/entities/component/default/checkout',
    );

    expect(res.status).toBe(200);
    expect(res.body.entityRef).toBe('component:default/checkout');
    const [result] = res.body.scorecards;
    expect(result.scorecard.id).toBe('production-readiness');
    expect(result.level).toBe('bronze');
    expect(result.nextLevel).toBe('silver');
    const statuses = Object.fromEntries(
      result.checks.map((c: { id: string; status: string }) => [
        c.id,
        c.status,
      ]),
    );
    expect(statuses).toMatchObject({
      'owner-set': 'pass',
      'on-call': 'pass',
      runbook: 'pass',
      techdocs: 'fail',
    });
  });

  it('serves the stored result until the entity changes', async () => {
    const { server, catalog } = await startBackend([checkout]);
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

  it('re-evaluates on refresh', async () => {
    const { server } = await startBackend([checkout]);
    const url = '/api/readiness/entities/component/default/checkout';
    const first = await request(server).get(url).expect(200);

    const refreshed = await request(server).post(`${url}/refresh`).expect(200);

    expect(
      Date.parse(refreshed.body.scorecards[0].evaluatedAt),
    ).toBeGreaterThanOrEqual(Date.parse(first.body.scorecards[0].evaluatedAt));
    expect(refreshed.body.scorecards[0].score).toBe(
      first.body.scorecards[0].score,
    );
  });

  it('returns no scorecards for an entity none applies to', async () => {
    const { server } = await startBackend([library]);
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
    const { server, catalog } = await startBackend([checkout]);
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
    const { server, catalog } = await startBackend([checkout]);
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
    const { server } = await startBackend([checkout]);
    const res = await request(server)
      .get('/api/readiness/entities/component/default/checkout')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
    expect(res.body.error.name).toBe('AuthenticationError');
  });

  it('rejects a malformed entity name with 400 naming the parameter', async () => {
    const { server } = await startBackend([checkout]);
    const res = await request(server).get(
      '/api/readiness/entities/component/default/bad%20name!',
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/name/);
  });
});
