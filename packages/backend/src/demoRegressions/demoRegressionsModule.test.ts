import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  buildReadinessContext,
  createReadinessStores,
} from '@readiness/plugin-readiness-backend/context';
import { demoOwnerInputModule } from '../demoOwnerInput';
import { DEMO_REGRESSIONS } from '../demoOwnerInput/demoOwnerInput';
import { demoRepositoryReaders } from '../demoRepositories';
import { demoRegressionsModule, REGRESSIONS_CONFIG_KEY } from '.';

jest.setTimeout(120_000);

type Knex = Awaited<ReturnType<TestDatabases['init']>>;

const DAY_MS = 24 * 60 * 60 * 1000;
const SCORECARD = 'production-readiness';
const examples = path.resolve(__dirname, '../../../../examples');

/**
 * The demo organisation as the catalog holds it: groups carry the
 * `hasMember` relations their users' `memberOf` make, which the
 * "owner is a group with members" check reads.
 */
function demoCatalog(): Entity[] {
  const entities = [
    'org.yaml',
    'systems.yaml',
    'domains.yaml',
    'components-platform.yaml',
    'components-commerce.yaml',
  ].flatMap(file =>
    parseAllDocuments(fs.readFileSync(path.join(examples, file), 'utf8')).map(
      doc => doc.toJS() as Entity,
    ),
  );
  const members = new Map<string, string[]>();
  for (const user of entities.filter(e => e.kind === 'User')) {
    for (const group of (user.spec?.memberOf as string[]) ?? []) {
      const ref = stringifyEntityRef(
        parseEntityRef(group, {
          defaultKind: 'group',
          defaultNamespace: user.metadata.namespace ?? 'default',
        }),
      );
      members.set(ref, [...(members.get(ref) ?? []), stringifyEntityRef(user)]);
    }
  }
  return entities.map(entity => ({
    ...entity,
    relations: (members.get(stringifyEntityRef(entity)) ?? []).map(
      targetRef => ({ type: 'hasMember', targetRef }),
    ),
  }));
}

/** The plugin the modules belong to, without the plugin's own work. */
const readinessStandIn = createBackendPlugin({
  pluginId: 'readiness',
  register(env) {
    env.registerInit({ deps: {}, async init() {} });
  },
});

describe('the demo regressions module', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const entities = demoCatalog();
  const config = (seed: boolean) => ({
    readinessDemo: { seedOwnerInput: true, seedRegressions: seed },
  });
  const urlReader = UrlReaders.default({
    config: mockServices.rootConfig(),
    logger: mockServices.logger.mock(),
    factories: [demoRepositoryReaders],
  });

  /**
   * Starts the example backend's demo modules, and stops them once the
   * demo regressions module has logged what it did, when it is on.
   *
   * @returns what it logged
   */
  async function start(knex: Knex, seed: boolean): Promise<string[]> {
    const logger = mockServices.logger.mock();
    const backend = await startTestBackend({
      features: [
        readinessStandIn,
        demoOwnerInputModule,
        demoRegressionsModule,
        logger.factory,
        mockServices.database.factory({ knex, migrations: { skip: false } }),
        mockServices.rootConfig.factory({ data: config(seed) }),
        createServiceFactory({
          service: catalogServiceRef,
          deps: {},
          factory: () => catalogServiceMock({ entities }),
        }),
        createServiceFactory({
          service: coreServices.urlReader,
          deps: {},
          factory: () => urlReader,
        }),
      ],
    });
    const logged = () =>
      [...logger.info.mock.calls, ...logger.error.mock.calls]
        .map(([message]) => String(message))
        .filter(message => message.includes(REGRESSIONS_CONFIG_KEY));
    // Seeding runs after start-up, in the background.
    for (let i = 0; seed && i < 600 && logged().length === 0; i++) {
      await new Promise(resolve => setTimeout(resolve, 100));
    }
    await backend.stop();
    return logged();
  }

  async function stores(knex: Knex) {
    return createReadinessStores({
      database: mockServices.database({ knex }),
    });
  }

  it("stores yesterday's Gold results, which the first evaluation drops to Silver", async () => {
    const knex = await databases.init('SQLITE_3');
    const started = Date.now();
    expect(await start(knex, true)).toEqual([
      expect.stringContaining("Stored yesterday's results of 2 demo services"),
    ]);

    const { entityResults } = await stores(knex);
    for (const ref of DEMO_REGRESSIONS) {
      const result = (await entityResults.getEntityResults(ref)).results.get(
        SCORECARD,
      );
      expect(result).toMatchObject({ level: 'gold' });
      const age = started - Date.parse(result!.evaluatedAt);
      expect(age).toBeGreaterThan(DAY_MS - 60_000);
      expect(age).toBeLessThan(DAY_MS + 60_000);
    }

    // The plugin's first evaluation, today, as the catalog run makes it.
    const today = await buildReadinessContext({
      config: mockServices.rootConfig({ data: config(true) }),
      logger: mockServices.logger.mock(),
      database: mockServices.database({ knex }),
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      urlReader,
    });
    for (const ref of DEMO_REGRESSIONS) {
      const entity = entities.find(e => stringifyEntityRef(e) === ref)!;
      await today.evaluator.evaluate(entity);
      const [latest] = await today.stores.history.getEntityHistory(ref, {
        limit: 1,
      });
      // A regression: not a first evaluation. The history puts it down to
      // the facts, as the check's basis is not the attestation alone.
      expect(latest.cause).not.toBe('first-evaluation');
      expect(latest).toMatchObject({
        scorecard: SCORECARD,
        levelBefore: 'gold',
        levelAfter: 'silver',
        checks: [
          {
            check: 'disaster-recovery-rehearsed',
            before: 'pass',
            after: expect.not.stringMatching('pass'),
          },
        ],
      });
    }

    // A restart on the kept database stores nothing again.
    expect(await start(knex, true)).toEqual([
      expect.stringContaining('not stored: the database has results'),
    ]);
    for (const ref of DEMO_REGRESSIONS) {
      const [latest] = await today.stores.history.getEntityHistory(ref, {
        limit: 1,
      });
      expect(latest).toMatchObject({ levelBefore: 'gold' });
    }
  });

  it('stores nothing unless readinessDemo.seedRegressions is true', async () => {
    const knex = await databases.init('SQLITE_3');
    expect(await start(knex, false)).toEqual([]);

    const { entityResults } = await stores(knex);
    const etags = await entityResults.getEntityEtags(DEMO_REGRESSIONS);
    expect(etags.size).toBe(0);
  });
});
