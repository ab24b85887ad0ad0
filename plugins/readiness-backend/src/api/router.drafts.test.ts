import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { paymentsSystem, paymentsTeam } from '../__testUtils__/catalogEntities';
import {
  flagCollector,
  flagCollectorModule,
} from '../__testUtils__/flagCollector';
import { hideFromUsers } from '../__testUtils__/hideFromUsers';
import { startReadinessBackend } from '../__testUtils__/startReadinessBackend';
import { RESULTS_TABLE } from '../store/tables';

jest.setTimeout(60_000);

async function waitFor(condition: () => boolean) {
  for (let i = 0; i < 500 && !condition(); i++) {
    await new Promise(resolve => setTimeout(resolve, 10));
  }
  expect(condition()).toBe(true);
}

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/** A new service, as a template would write its catalog-info.yaml. */
const draft: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'new-service',
    description: 'Sends the receipts',
    annotations: {
      'backstage.io/source-location':
        'url:https://github.com/acme/new-service/tree/main/',
    },
  },
  spec: {
    type: 'service',
    owner: 'group:default/team-payments',
    lifecycle: 'experimental',
    system: 'payments',
  },
};

/** A scorecard on the flag collector's fact. */
const FLAGS = {
  apiVersion: 'readiness/v1',
  kind: 'Scorecard',
  metadata: { name: 'flags', title: 'Flags', description: 'Flags' },
  spec: {
    appliesTo: { kind: 'component' },
    levels: [{ id: 'one', title: 'One' }],
    categories: [{ id: 'ops', title: 'Ops' }],
    checks: [
      {
        id: 'flagged',
        title: 'Is flagged',
        category: 'ops',
        level: 'one',
        severity: 'medium',
        condition: { fact: 'test.flag', equals: true },
        remediation: { text: 'Flag it.' },
      },
    ],
  },
};

const PATHS = ['README.md', '.github/workflows/ci.yml', 'src/index.ts'];
const URL = '/api/readiness/entities/evaluate';

interface CheckBody {
  id: string;
  status: string;
  reason?: string;
  evidence: Array<{ fact: string; value: unknown }>;
}

function checksOf(result: { checks: CheckBody[] }) {
  return Object.fromEntries(result.checks.map(c => [c.id, c]));
}

/** As the catalog's rules would: a user reading refs gets no group back. */
function hideGroupsInReadsByRefs(catalog: CatalogServiceMock) {
  const getEntitiesByRefs = catalog.getEntitiesByRefs.bind(catalog);
  jest
    .spyOn(catalog, 'getEntitiesByRefs')
    .mockImplementation(async (req, options) => {
      const { items } = await getEntitiesByRefs(req, options);
      const isUser =
        (options as { credentials?: { principal: { type: string } } })
          ?.credentials?.principal.type === 'user';
      return {
        items: items.map(e => (isUser && e?.kind === 'Group' ? undefined : e)),
      };
    });
}

/** The mock service principal, which these tests let evaluate drafts. */
const SERVICE = mockCredentials.service().principal.subject;

async function backend(
  hide?: (catalog: CatalogServiceMock) => void,
  config?: { readiness?: object },
) {
  const knex = await databases.init('SQLITE_3');
  const started = await startReadinessBackend({
    entities: [paymentsTeam, paymentsSystem],
    knex,
    config: {
      ...config,
      readiness: { serviceAccess: { drafts: [SERVICE] }, ...config?.readiness },
    },
  });
  hide?.(started.catalog);
  return { ...started, knex };
}

describe('readiness API: draft entities', () => {
  it('evaluates a draft with its repository paths and stores nothing', async () => {
    const { server, knex } = await backend();

    const res = await request(server)
      .post(URL)
      .send({ entity: draft, repositoryPaths: PATHS });

    expect(res.status).toBe(200);
    expect(res.body.entityRef).toBe('component:default/new-service');
    const [result] = res.body.scorecards;
    expect(result.scorecard.id).toBe('production-readiness');
    expect(result.level).toBe('bronze');
    const checks = checksOf(result);
    expect(checks['owner-resolves'].status).toBe('pass');
    expect(checks['system-membership'].status).toBe('pass');
    expect(checks['ci-pipeline'].status).toBe('pass');
    expect(await knex(RESULTS_TABLE).count({ n: '*' })).toEqual([{ n: 0 }]);
  });

  it('leaves repository facts unknown without paths, and says why', async () => {
    const { server } = await backend();

    const res = await request(server).post(URL).send({ entity: draft });

    expect(res.status).toBe(200);
    const checks = checksOf(res.body.scorecards[0]);
    expect(checks['ci-pipeline'].status).toBe('unknown');
    expect(checks['ci-pipeline'].reason).toContain(
      'no repository paths were given with the draft entity',
    );
    expect(res.body.scorecards[0].level).toBeNull();
  });

  it('evaluates only the named scorecard, and names the closest unknown one', async () => {
    const { server } = await backend();

    const named = await request(server)
      .post(URL)
      .send({ entity: draft, scorecard: 'production-readiness' });
    expect(named.status).toBe(200);
    expect(
      named.body.scorecards.map((s: { scorecard: { id: string } }) => [
        s.scorecard.id,
      ]),
    ).toEqual([['production-readiness']]);

    const notApplying = await request(server)
      .post(URL)
      .send({ entity: draft, scorecard: 'api-quality' });
    expect(notApplying.body).toEqual({
      entityRef: 'component:default/new-service',
      scorecards: [],
    });

    const typo = await request(server)
      .post(URL)
      .send({ entity: draft, scorecard: 'production-readyness' });
    expect(typo.status).toBe(400);
    expect(typo.body.error.message).toBe(
      'Unknown scorecard "production-readyness" (did you mean "production-readiness"?)',
    );
  });

  it.each([
    [
      { ...draft, apiVersion: 'not a version' },
      'entity.apiVersion must be an API version such as "backstage.io/v1alpha1", got "not a version"',
    ],
    [{ ...draft, kind: undefined }, 'entity.kind is required'],
    [
      { ...draft, metadata: { name: '-new-' } },
      'entity.metadata.name must be a valid entity name',
    ],
    [
      { ...draft, metadata: { name: 'ok', namespace: 'No Spaces' } },
      'entity.metadata.namespace must be a valid namespace',
    ],
    [{ ...draft, metadata: 'x' }, 'entity.metadata must be an object'],
  ])(
    'refuses an invalid entity, naming the field (%#)',
    async (entity, message) => {
      const { server } = await backend();

      const res = await request(server).post(URL).send({ entity });

      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
    },
  );

  it.each([
    ['../secrets', 'repositoryPaths[1] must be a relative'],
    ['/etc/passwd', 'repositoryPaths[1] must be a relative'],
    ['a/../../b', 'repositoryPaths[1] must be a relative'],
    ['x'.repeat(1025), 'repositoryPaths'],
  ])('refuses the repository path %#', async (path, message) => {
    const { server } = await backend();

    const res = await request(server)
      .post(URL)
      .send({ entity: draft, repositoryPaths: ['README.md', path] });

    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
  });

  it('refuses more than 20,000 repository paths', async () => {
    const { server } = await backend();
    const paths = Array.from({ length: 20_001 }, (_, i) => `f${i}`);

    const res = await request(server)
      .post(URL)
      .send({ entity: draft, repositoryPaths: paths });

    expect(res.status).toBe(400);
  });

  it('refuses an entity larger than a scorecard document may be', async () => {
    const { server } = await backend();
    const big = {
      ...draft,
      metadata: { ...draft.metadata, description: 'x'.repeat(300_000) },
    };

    const res = await request(server).post(URL).send({ entity: big });

    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /^entity is \d+ bytes of JSON; at most 262144/,
    );
  });

  it('resolves the owner as the caller: an owner a user may not read counts as none', async () => {
    const { server } = await backend(catalog => {
      hideFromUsers(catalog, e => e.kind === 'Group');
      hideGroupsInReadsByRefs(catalog);
    });

    const asUser = await request(server).post(URL).send({ entity: draft });
    const asService = await request(server)
      .post(URL)
      .set('Authorization', mockCredentials.service.header())
      .send({ entity: draft });

    expect(asUser.status).toBe(200);
    const hidden = checksOf(asUser.body.scorecards[0])['owner-resolves'];
    expect(hidden.status).toBe('fail');
    // Nothing of the group: neither that it exists nor its members.
    expect(JSON.stringify(hidden.evidence)).not.toContain('"value":1');
    expect(asService.status).toBe(200);
    expect(
      checksOf(asService.body.scorecards[0])['owner-resolves'].status,
    ).toBe('pass');
  });

  it("makes another collector's facts unknown for a draft, and asks it nothing", async () => {
    const knex = await databases.init('SQLITE_3');
    const { server } = await startReadinessBackend({
      entities: [paymentsTeam, paymentsSystem],
      knex,
      modules: [flagCollectorModule],
      config: { readiness: { scorecards: [{ inline: FLAGS }] } },
    });
    flagCollector.collect.mockClear();

    const res = await request(server)
      .post(URL)
      .send({ entity: draft, scorecard: 'flags' });

    expect(res.status).toBe(200);
    expect(checksOf(res.body.scorecards[0]).flagged).toMatchObject({
      status: 'unknown',
      reason: 'fact test.flag is unavailable: not collected for a draft entity',
    });
    expect(flagCollector.collect).not.toHaveBeenCalled();
  });

  it('refuses an entity nested too deep with a 400 naming where', async () => {
    const { server } = await backend();
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100; i++) {
      deep = { deeper: deep };
    }

    const res = await request(server)
      .post(URL)
      .send({ entity: { ...draft, spec: { ...draft.spec, deep } } });

    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /^entity\.spec\.deep\.deeper\.deeper.* nests deeper than 64 levels \(readiness\.limits\.scorecards\.maxDepth\)$/,
    );
  });

  it('refuses a service that readiness.serviceAccess.drafts does not name', async () => {
    const { server } = await backend(undefined, {
      readiness: { serviceAccess: { drafts: ['another-service'] } },
    });
    const res = await request(server)
      .post(URL)
      .set('Authorization', mockCredentials.service.header())
      .send({ entity: draft });

    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      `Service ${SERVICE} may not evaluate draft entities: it is not listed in readiness.serviceAccess.drafts`,
    );
  });

  it('limits the drafts one caller evaluates, invalid ones counted too', async () => {
    const { server } = await backend(undefined, {
      readiness: { drafts: { callerLimit: 2, callerWindow: '1m' } },
    });
    const asService = () =>
      request(server)
        .post(URL)
        .set('Authorization', mockCredentials.service.header());

    expect(
      (await request(server).post(URL).send({ entity: draft })).status,
    ).toBe(200);
    const invalid = await request(server)
      .post(URL)
      .send({ entity: { ...draft, kind: undefined } });
    expect(invalid.status).toBe(400);

    const refused = await request(server).post(URL).send({ entity: draft });
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toBe(
      'At most 2 draft evaluations per 60 seconds; try again later',
    );
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another caller counts apart.
    expect((await asService().send({ entity: draft })).status).toBe(200);
  });

  it('evaluates at most maxConcurrent drafts at once, refusing more with a 503', async () => {
    const { server, catalog } = await backend(undefined, {
      readiness: { drafts: { maxConcurrent: 1 } },
    });
    // The first draft's owner lookup waits until released.
    let release = () => {};
    const held = new Promise<void>(resolve => {
      release = resolve;
    });
    const getEntitiesByRefs = catalog.getEntitiesByRefs.bind(catalog);
    const lookup = jest
      .spyOn(catalog, 'getEntitiesByRefs')
      .mockImplementationOnce(async (req, options) => {
        await held;
        return getEntitiesByRefs(req, options);
      });

    const first = request(server).post(URL).send({ entity: draft }).then();
    await waitFor(() => lookup.mock.calls.length > 0);
    const second = await request(server)
      .post(URL)
      .set('Authorization', mockCredentials.service.header())
      .send({ entity: draft });
    release();

    expect(second.status).toBe(503);
    expect(second.body.error.message).toBe(
      'This backend is evaluating 1 draft entities, its limit (readiness.drafts.maxConcurrent); try again shortly',
    );
    expect((await first).status).toBe(200);
    // The place is free again once the first is answered.
    expect(
      (await request(server).post(URL).send({ entity: draft })).status,
    ).toBe(200);
  });

  it('refuses a caller without credentials', async () => {
    const { server } = await backend();

    const res = await request(server)
      .post(URL)
      .set('Authorization', mockCredentials.none.header())
      .send({ entity: draft });

    expect(res.status).toBe(401);
  });
});
