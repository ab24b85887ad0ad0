import {
  createBackendPlugin,
  type BackendFeature,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  createReadinessStores,
  type OwnerInputKind,
  type StoredOwnerInput,
} from '@readiness/plugin-readiness-backend/context';
import { demoOwnerInputModule, SEED_CONFIG_KEY } from '.';
import { E2E_PENDING_EXEMPTION } from './demoOwnerInput';

jest.setTimeout(60_000);

type Knex = Awaited<ReturnType<TestDatabases['init']>>;

/** The plugin the module belongs to, without the plugin's own work. */
const readinessStandIn = createBackendPlugin({
  pluginId: 'readiness',
  register(env) {
    env.registerInit({ deps: {}, async init() {} });
  },
});

describe('the demo exemptions and attestations module', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function start(knex: Knex, seed: boolean) {
    const features: BackendFeature[] = [
      readinessStandIn,
      demoOwnerInputModule,
      mockServices.database.factory({ knex, migrations: { skip: false } }),
      mockServices.rootConfig.factory({
        data: { readinessDemo: { seedOwnerInput: seed } },
      }),
    ];
    const backend = await startTestBackend({ features });
    await backend.stop();
  }

  async function stored(knex: Knex) {
    const { ownerInput } = await createReadinessStores({
      database: mockServices.database({ knex }),
    });
    const all = async (kind: OwnerInputKind) =>
      ownerInput.list({ kind, limit: 100 });
    return {
      exemptions: await all('exemption'),
      attestations: await all('attestation'),
    };
  }

  const countsByStatus = (items: StoredOwnerInput[]) =>
    items.reduce<Record<string, number>>(
      (counts, item) => ({
        ...counts,
        [item.status]: (counts[item.status] ?? 0) + 1,
      }),
      {},
    );

  it('seeds exemptions in each state and active attestations, once', async () => {
    const knex = await databases.init('SQLITE_3');
    await start(knex, true);
    const first = await stored(knex);

    expect(countsByStatus(first.exemptions)).toEqual({
      pending: 2,
      active: 1,
      expired: 1,
      rejected: 1,
      revoked: 1,
    });
    expect(countsByStatus(first.attestations)).toEqual({ active: 3 });

    // The end-to-end test approves this one: someone else's request.
    const target = first.exemptions.find(
      e => e.entityRef === E2E_PENDING_EXEMPTION.entityRef,
    );
    expect(target).toMatchObject({
      status: 'pending',
      subjects: [E2E_PENDING_EXEMPTION.check],
      requestedBy: E2E_PENDING_EXEMPTION.requestedBy,
    });
    expect(target?.requestedBy).not.toBe('user:development/guest');

    // Dates count from today: the active one ends in the future, the
    // expired one ended in the past, with its expiry recorded.
    const today = new Date().toISOString().slice(0, 10);
    const byStatus = (status: string) =>
      first.exemptions.find(e => e.status === status)!;
    expect(byStatus('active').expiresAt! > today).toBe(true);
    expect(byStatus('expired').expiresAt! < today).toBe(true);
    expect(byStatus('expired').events.map(e => e.action)).toEqual([
      'requested',
      'approved',
      'expired',
    ]);
    expect(byStatus('revoked').events.map(e => e.action)).toEqual([
      'requested',
      'approved',
      'revoked',
    ]);
    expect(byStatus('rejected').decisionComment).toBeTruthy();

    // A restart on the same database adds nothing.
    await start(knex, true);
    const second = await stored(knex);
    expect(second.exemptions.map(e => e.id).sort()).toEqual(
      first.exemptions.map(e => e.id).sort(),
    );
    expect(second.attestations).toHaveLength(first.attestations.length);
  });

  it(`seeds nothing unless ${SEED_CONFIG_KEY} is true`, async () => {
    const knex = await databases.init('SQLITE_3');
    await start(knex, false);

    const { exemptions, attestations } = await stored(knex);
    expect([...exemptions, ...attestations]).toEqual([]);
  });
});
