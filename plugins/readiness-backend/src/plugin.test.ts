import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  coreServices,
  createServiceFactory,
  UrlReaderServiceReadTreeResponse,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
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

const paymentsTeam: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
  relations: [{ type: 'hasMember', targetRef: 'user:default/ada' }],
};

const paymentsSystem: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { owner: 'team-payments', domain: 'commerce' },
};

const library: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'utils' },
  spec: { type: 'library', owner: 'team-web', lifecycle: 'production' },
};

async function startBackend(
  entities: Entity[],
  config: object = {},
  permissions = mockServices.permissions.factory(),
  urlReader = mockServices.urlReader.mock(),
  httpAuth = mockServices.httpAuth.factory(),
) {
  const catalog = catalogServiceMock({ entities });
  const { server } = await startTestBackend({
    features: [
      readinessPlugin,
      permissions,
      httpAuth,
      mockServices.rootConfig.factory({ data: config }),
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog,
      }),
      createServiceFactory({
        service: coreServices.urlReader,
        deps: {},
        factory: () => urlReader,
      }),
    ],
  });
  return { server, catalog };
}

describe('readiness backend plugin', () => {
  it('evaluates an entity and serves its readiness', async () => {
    const { server } = await startBackend([
      checkout,
      paymentsTeam,
      paymentsSystem,
    ]);

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

  it('reads repository facts from the source location, unless turned off', async () => {
    const sourced: Entity = {
      ...checkout,
      metadata: {
        ...checkout.metadata,
        annotations: {
          ...checkout.metadata.annotations,
          'backstage.io/source-location':
            'url:https://git.example/acme/checkout/tree/main/',
        },
      },
    };
    const urlReader = mockServices.urlReader.mock({
      readTree: jest.fn(async () => ({
        files: async () =>
          ['README.md', '.github/workflows/ci.yml'].map(path => ({
            path,
            content: async () => Buffer.from(''),
          })),
      })) as unknown as () => Promise<UrlReaderServiceReadTreeResponse>,
    });
    const ciCheck = async (config: object) => {
      const { server } = await startBackend(
        [sourced],
        config,
        undefined,
        urlReader,
      );
      const res = await request(server)
        .get('/api/readiness/entities/component/default/checkout')
        .expect(200);
      return res.body.scorecards[0].checks.find(
        (c: { id: string }) => c.id === 'ci-pipeline',
      );
    };

    expect(await ciCheck({})).toMatchObject({
      status: 'pass',
      evidence: expect.arrayContaining([
        expect.objectContaining({
          fact: 'repository.ciWorkflows',
          value: ['.github/workflows/ci.yml'],
          source: 'repository',
        }),
      ]),
    });
    expect(urlReader.readTree).toHaveBeenCalledWith(
      'https://git.example/acme/checkout/tree/main/',
      expect.anything(),
    );

    const off = await ciCheck({
      readiness: { collectors: { repository: { enabled: false } } },
    });
    expect(off).toMatchObject({
      status: 'unknown',
      reason: expect.stringContaining(
        'collector repository is turned off (readiness.collectors.repository.enabled)',
      ),
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

  it('serves services too, such as a CI pipeline with a static token', async () => {
    const { server } = await startBackend([checkout]);
    const res = await request(server)
      .get('/api/readiness/entities/component/default/checkout')
      .set('Authorization', mockCredentials.service.header());
    expect(res.status).toBe(200);
  });

  it('rejects a malformed entity name with 400 naming the parameter', async () => {
    const { server } = await startBackend([checkout]);
    const res = await request(server).get(
      '/api/readiness/entities/component/default/bad%20name!',
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/name/);
  });

  it('serves the history of changes, with their cause', async () => {
    const { server, catalog } = await startBackend([checkout]);
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
    const { server } = await startBackend([checkout]);
    const res = await request(server).get(
      '/api/readiness/entities/component/default/checkout/history?limit=0',
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/limit/);
  });

  it('answers 404 for the history of an entity the caller may not see', async () => {
    const { server, catalog } = await startBackend([checkout]);
    jest.spyOn(catalog, 'getEntityByRef').mockResolvedValue(undefined);
    const res = await request(server).get(
      '/api/readiness/entities/component/default/checkout/history',
    );
    expect(res.status).toBe(404);
  });

  it('lists the scorecards with how entities stand on them', async () => {
    const { server } = await startBackend([checkout]);
    await request(server)
      .get('/api/readiness/entities/component/default/checkout')
      .expect(200);

    const res = await request(server).get('/api/readiness/scorecards');

    expect(res.status).toBe(200);
    expect(res.body.problems).toEqual([]);
    const production = res.body.items.find(
      (s: { id: string }) => s.id === 'production-readiness',
    );
    expect(production).toMatchObject({
      title: 'Production Readiness',
      checks: 46,
      entities: 1,
      levelCounts: { none: 1 },
      source: expect.stringMatching(/production-readiness\.yaml$/),
    });
  });

  it('serves one scorecard with its definition, and 404 for an unknown one', async () => {
    const { server } = await startBackend([checkout]);

    const res = await request(server).get(
      '/api/readiness/scorecards/api-quality',
    );
    expect(res.status).toBe(200);
    expect(res.body.scorecard).toMatchObject({
      id: 'api-quality',
      entities: 0,
    });
    expect(res.body.definition.appliesTo).toEqual({ kind: 'api' });

    const missing = await request(server).get('/api/readiness/scorecards/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('production-readiness');
  });

  it('starts with a broken configured scorecard, reports it and keeps the rest', async () => {
    const { server } = await startBackend([checkout], {
      readiness: {
        scorecards: [
          {
            inline: {
              apiVersion: 'readiness/v1',
              kind: 'Scorecard',
              metadata: { name: 'broken', title: 'Broken', description: 'x' },
              spec: { appliesTo: { kind: 'component' }, levels: [] },
            },
          },
        ],
      },
    });

    const res = await request(server).get('/api/readiness/scorecards');

    expect(res.status).toBe(200);
    expect(res.body.items.map((s: { id: string }) => s.id).sort()).toEqual([
      'api-quality',
      'production-readiness',
    ]);
    expect(res.body.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          source: 'app-config readiness.scorecards[0].inline',
        }),
      ]),
    );
  });

  it('refuses a refresh without the refresh permission, and keeps the results', async () => {
    const { server } = await startBackend(
      [checkout],
      {},
      mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
    );
    const url = '/api/readiness/entities/component/default/checkout';
    const before = await request(server).get(url).expect(200);

    const res = await request(server).post(`${url}/refresh`);

    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({
      name: 'NotAllowedError',
      message:
        'You may not refresh the readiness of component:default/checkout',
    });
    const after = await request(server).get(url).expect(200);
    expect(after.body).toEqual(before.body);
  });

  describe('refresh by services', () => {
    const url = '/api/readiness/entities/component/default/checkout/refresh';
    const asService = (subject: string) =>
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.service(subject),
      });

    it('refuses every service by default, though the permission framework allows services', async () => {
      const { server } = await startBackend(
        [checkout],
        {},
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
        undefined,
        asService('external:ci'),
      );

      const res = await request(server).post(url);

      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({
        name: 'NotAllowedError',
        message:
          'Service external:ci may not refresh: it is not listed in readiness.serviceAccess.refresh',
      });
    });

    it('lets the services config names refresh, and no other', async () => {
      const config = {
        readiness: { serviceAccess: { refresh: ['external:ci'] } },
      };
      const listed = await startBackend(
        [checkout],
        config,
        undefined,
        undefined,
        asService('external:ci'),
      );
      await request(listed.server).post(url).expect(200);

      const other = await startBackend(
        [checkout],
        config,
        undefined,
        undefined,
        asService('external:other'),
      );
      const res = await request(other.server).post(url);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/external:other may not refresh/);
    });

    it('still lets users refresh through the permission framework', async () => {
      const { server } = await startBackend([checkout]);
      const res = await request(server)
        .post(url)
        .set('Authorization', mockCredentials.user.header('user:default/ada'));
      expect(res.status).toBe(200);
    });
  });

  it('answers 429 with Retry-After to a caller refreshing too often', async () => {
    const { server } = await startBackend([checkout, library, paymentsSystem], {
      readiness: { refresh: { callerLimit: 2 } },
    });
    const refresh = (entity: string, user = 'user:default/ada') =>
      request(server)
        .post(`/api/readiness/entities/${entity}/refresh`)
        .set('Authorization', mockCredentials.user.header(user));

    await refresh('component/default/checkout').expect(200);
    const again = await refresh('component/default/checkout');
    expect(again.status).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(50);
    expect(Number(again.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(again.body).toMatchObject({
      error: {
        name: 'TooManyRequestsError',
        message:
          'component:default/checkout was refreshed less than 60 seconds ago; try again later',
      },
      request: { method: 'POST' },
      response: { statusCode: 429 },
    });

    // Another user may; the same user may refresh other entities, up to
    // their limit per window.
    await refresh('component/default/checkout', 'user:default/bob').expect(200);
    await refresh('component/default/utils').expect(200);
    const third = await refresh('system/default/payments');
    expect(third.status).toBe(429);
    expect(third.body.error.message).toBe(
      'At most 2 refreshes per 600 seconds; try again later',
    );
  });

  it('ranks owners on a scorecard, and rejects a bad grouping naming it', async () => {
    const other: Entity = {
      ...checkout,
      metadata: { ...checkout.metadata, name: 'bare', description: undefined },
      spec: { type: 'service', owner: 'team-web', lifecycle: 'production' },
    };
    const { server } = await startBackend([checkout, other]);
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

  it('lists results, leaving out entities the caller may not read', async () => {
    const hidden: Entity = {
      ...checkout,
      metadata: { ...checkout.metadata, name: 'a-hidden' },
    };
    const { server, catalog } = await startBackend([checkout, hidden]);
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

  it('serves per-check pass rates, and lists the entities failing a check', async () => {
    const { server } = await startBackend([checkout, library]);
    await request(server)
      .get('/api/readiness/entities/component/default/checkout')
      .expect(200);

    const res = await request(server)
      .get('/api/readiness/scorecards/production-readiness')
      .expect(200);
    const checks = Object.fromEntries(
      res.body.checks.map((c: { id: string }) => [c.id, c]),
    );
    expect(checks['owner-set']).toMatchObject({
      counts: { pass: 1, fail: 0, unknown: 0 },
      passRate: 1,
    });
    expect(checks.techdocs).toMatchObject({
      counts: { pass: 0, fail: 1 },
      passRate: 0,
    });
    expect(res.body.problems).toEqual([]);

    const failing = await request(server)
      .get(
        '/api/readiness/results?scorecard=production-readiness&check=techdocs&status=fail',
      )
      .expect(200);
    expect(
      failing.body.items.map((r: { entityRef: string }) => r.entityRef),
    ).toEqual(['component:default/checkout']);
    const bad = await request(server).get(
      '/api/readiness/results?scorecard=production-readiness&status=broken',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/status/);
  });

  it('filters the leaderboard and gives each group its trend', async () => {
    const experimental: Entity = {
      ...checkout,
      metadata: { ...checkout.metadata, name: 'beta', tags: ['beta'] },
      spec: { ...checkout.spec, lifecycle: 'experimental', owner: 'team-web' },
    };
    const { server } = await startBackend([checkout, experimental]);
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

  it('leaves the entities the caller may not read out of every aggregate', async () => {
    const hidden: Entity = {
      ...checkout,
      metadata: { ...checkout.metadata, name: 'hidden' },
      spec: { ...checkout.spec, owner: 'team-secret' },
    };
    const { server, catalog } = await startBackend([checkout, hidden]);
    for (const name of ['checkout', 'hidden']) {
      await request(server)
        .get(`/api/readiness/entities/component/default/${name}`)
        .expect(200);
    }
    // As the catalog's permission rules would: users do not see "hidden".
    const forUsers = <T extends Entity[]>(entities: T, options?: object) =>
      (options as { credentials?: { principal: { type?: string } } })
        ?.credentials?.principal.type === 'user'
        ? entities.filter(e => e.metadata.name !== 'hidden')
        : entities;
    const queryEntities = catalog.queryEntities.bind(catalog);
    jest
      .spyOn(catalog, 'queryEntities')
      .mockImplementation(async (req, options) => {
        const response = await queryEntities(req, options);
        const all = await queryEntities(
          { fields: ['kind', 'metadata.name'] },
          options,
        );
        return { ...response, totalItems: forUsers(all.items, options).length };
      });
    const streamEntities = catalog.streamEntities.bind(catalog);
    jest
      .spyOn(catalog, 'streamEntities')
      .mockImplementation(async function* stream(req, options) {
        for await (const page of streamEntities(req, options)) {
          yield forUsers(page, options);
        }
      });

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
