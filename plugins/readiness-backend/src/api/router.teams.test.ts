import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { checkout } from '../__testUtils__/catalogEntities';
import { hideFromUsers } from '../__testUtils__/hideFromUsers';
import { startReadinessBackend } from '../__testUtils__/startReadinessBackend';

/** A group and the groups it is the parent of. */
function group(name: string, children: string[] = []): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children },
    relations: children.map(child => ({
      type: 'parentOf',
      targetRef: `group:default/${child}`,
    })),
  };
}

/** A production service like checkout, owned by a group. */
function service(name: string, owner: string): Entity {
  return {
    ...checkout,
    metadata: { ...checkout.metadata, name },
    spec: { ...checkout.spec, owner: `group:default/${owner}` },
  };
}

/** Names users may not read, as the catalog's permission rules would. */
const HIDDEN = new Set(['secret', 'hidden']);

const SCORECARD = 'production-readiness';

jest.setTimeout(60_000);

/**
 * org ─ eng ─ web ─ org (a cycle); org ─ secret (hidden from users). The
 * services: checkout (eng), cart (web), vault (secret), hidden (eng, hidden
 * from users), billing (sales, outside org).
 */
async function startOrganisation() {
  const services = [
    service('checkout', 'eng'),
    service('cart', 'web'),
    service('vault', 'secret'),
    service('hidden', 'eng'),
    service('billing', 'sales'),
  ];
  const { server, catalog } = await startReadinessBackend({
    entities: [
      group('org', ['eng', 'secret']),
      group('eng', ['web']),
      group('web', ['org']),
      group('secret'),
      group('sales'),
      ...services,
    ],
  });
  for (const entity of services) {
    await request(server)
      .get(`/api/readiness/entities/component/default/${entity.metadata.name}`)
      .expect(200);
  }
  hideFromUsers(catalog, e => HIDDEN.has(e.metadata.name));
  return server;
}

describe('readiness API: team views', () => {
  it("answers for a group's entities and those of the groups under it, as the caller may read them", async () => {
    const server = await startOrganisation();

    const res = await request(server)
      .get(`/api/readiness/groups/default/org?scorecard=${SCORECARD}`)
      .expect(200);

    expect(res.body).toEqual({
      group: 'group:default/org',
      scorecard: SCORECARD,
      groups: ['group:default/org', 'group:default/eng', 'group:default/web'],
      entities: 2,
      averageScore: expect.any(Number),
      levelCounts: expect.any(Object),
      waivedChecks: expect.any(Number),
      trend: { since: expect.any(String), averageScore: null, change: null },
      members: expect.arrayContaining([
        expect.objectContaining({
          entityRef: 'component:default/checkout',
          owner: 'group:default/eng',
        }),
        expect.objectContaining({
          entityRef: 'component:default/cart',
          owner: 'group:default/web',
        }),
      ]),
      due: [],
      regressions: [],
    });
    expect(res.body.members).toHaveLength(2);

    const web = await request(server)
      .get(`/api/readiness/groups/default/web?scorecard=${SCORECARD}`)
      .expect(200);
    // The cycle back to org is walked once.
    expect(web.body.groups).toEqual([
      'group:default/web',
      'group:default/org',
      'group:default/eng',
    ]);
    expect(web.body.entities).toBe(2);
  });

  it('does not find a group the caller may not read, nor one that does not exist', async () => {
    const server = await startOrganisation();

    for (const name of ['secret', 'nope']) {
      const res = await request(server)
        .get(`/api/readiness/groups/default/${name}?scorecard=${SCORECARD}`)
        .expect(404);
      expect(res.body.error.message).toBe(
        `No group group:default/${name} in the catalog`,
      );
    }
  });

  it('rejects a missing or unknown scorecard and a bad group name', async () => {
    const server = await startOrganisation();

    const missing = await request(server)
      .get('/api/readiness/groups/default/org')
      .expect(400);
    expect(missing.body.error.message).toMatch(/scorecard/);
    const unknown = await request(server)
      .get('/api/readiness/groups/default/org?scorecard=nope')
      .expect(404);
    expect(unknown.body.error.message).toMatch(/No scorecard "nope"/);
    await request(server)
      .get(`/api/readiness/groups/default/bad%20name?scorecard=${SCORECARD}`)
      .expect(400);
  });

  it('rolls the leaderboard up the group hierarchy, on owners only', async () => {
    const server = await startOrganisation();
    const board = (query: string) =>
      request(server).get(
        `/api/readiness/leaderboard?scorecard=${SCORECARD}&${query}`,
      );

    const rolled = await board(
      'groupBy=owner&rollup=true&orderBy=entities&order=desc&limit=3',
    ).expect(200);
    const entitiesOf = (items: Array<{ group: string; entities: number }>) =>
      Object.fromEntries(items.map(row => [row.group, row.entities]));
    // org, eng and web are in one cycle: each rolls up all three. "secret"
    // is not walked, and its service (readable) stays under its owner.
    expect(rolled.body.total).toBe(5);
    expect(entitiesOf(rolled.body.items)).toEqual({
      'group:default/eng': 2,
      'group:default/org': 2,
      'group:default/web': 2,
    });
    const rest = await board(
      'groupBy=owner&rollup=true&orderBy=entities&order=desc&limit=3&offset=3',
    ).expect(200);
    expect(entitiesOf(rest.body.items)).toEqual({
      'group:default/sales': 1,
      'group:default/secret': 1,
    });

    const plain = await board('groupBy=owner&rollup=false').expect(200);
    expect(entitiesOf(plain.body.items)).toEqual({
      'group:default/eng': 1,
      'group:default/web': 1,
      'group:default/sales': 1,
      'group:default/secret': 1,
    });

    const bySystem = await board('groupBy=system&rollup=true').expect(400);
    expect(bySystem.body.error.message).toMatch(/rollup/);
    const notBoolean = await board('groupBy=owner&rollup=yes').expect(400);
    expect(notBoolean.body.error.message).toMatch(/rollup/);
  });
});
