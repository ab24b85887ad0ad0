import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ScorecardDefinition } from '@readiness/plugin-readiness-common';
import { testEvaluator } from '../__testUtils__/testEvaluator';
import { sqliteStores } from '../__testUtils__/testStores';
import { CatalogRelationsResolver } from '../facts/CatalogRelationsResolver';
import {
  EntityReadinessService,
  EntityReadinessServiceOptions,
} from './EntityReadinessService';
import { RelationEvidenceRedactor } from './RelationEvidenceRedactor';

const checkout: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default', etag: 'e1' },
  spec: { type: 'service', owner: 'team-secret' },
};
const secretTeam: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-secret', namespace: 'default' },
  spec: { type: 'team', children: [] },
  relations: [
    { type: 'hasMember', targetRef: 'user:default/ada' },
    { type: 'hasMember', targetRef: 'user:default/bob' },
    { type: 'hasMember', targetRef: 'user:default/cy' },
  ],
};

const scorecard: ScorecardDefinition = {
  id: 'basics',
  title: 'Basics',
  description: '',
  appliesTo: { kind: 'component' },
  levels: [{ id: 'bronze', title: 'Bronze' }],
  categories: [{ id: 'c', title: 'C' }],
  checks: [
    {
      id: 'team-size',
      title: 'A team of five',
      category: 'c',
      level: 'bronze',
      weight: 1,
      condition: { fact: 'catalog.ownerMembers', gte: 5 },
      remediation: { text: '' },
    },
  ],
};

/** A catalog in which users may not read the team; the plugin may. */
function catalogHidingTheTeamFromUsers() {
  const catalog = catalogServiceMock({ entities: [checkout, secretTeam] });
  const isUser = (options: unknown) =>
    (options as { credentials: BackstageCredentials<{ type: string }> })
      .credentials.principal.type === 'user';
  const byRefs = catalog.getEntitiesByRefs.bind(catalog);
  catalog.getEntitiesByRefs = async (request, options) => {
    const response = await byRefs(request, options);
    return {
      items: response.items.map(item =>
        item?.kind === 'Group' && isUser(options) ? undefined : item,
      ),
    };
  };
  return catalog;
}

describe('EntityReadinessService', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('shows no facts about an owner the caller may not read, on a read or a refresh', async () => {
    const catalog = catalogHidingTheTeamFromUsers();
    const auth = mockServices.auth();
    const stores = await sqliteStores(databases);
    const evaluator = testEvaluator({
      stores,
      scorecards: [scorecard],
      relations: new CatalogRelationsResolver(catalog, auth),
    });
    const service = new EntityReadinessService({
      catalog,
      entityResults: stores.entityResults,
      historyReader: stores.history,
      evaluator,
      permissions: mockServices.permissions(),
      redactor: new RelationEvidenceRedactor(catalog),
      // Refresh access and rate limits are not what this test is about.
      refreshAccess: {
        services: { assertAllowed: () => {} },
        limiter: { take: () => {} },
      } as unknown as EntityReadinessServiceOptions['refreshAccess'],
    });
    const ref = { kind: 'component', namespace: 'default', name: 'checkout' };
    const credentials = mockCredentials.user('user:default/mallory');

    // Evaluated on demand, then read back from the store.
    for (const readiness of [
      await service.get(ref, credentials),
      await service.get(ref, credentials),
      await service.refresh(ref, credentials),
    ]) {
      const [check] = readiness.scorecards[0].checks;
      expect(check.status).toBe('fail');
      expect(check.evidence).toEqual([]);
      expect(check.reason).not.toMatch(/\b3\b/);
    }

    // The plugin evaluated with its own credentials: the result is stored
    // as computed, for callers who may read the team.
    const stored = await stores.entityResults.getEntityResults(
      'component:default/checkout',
    );
    expect(stored.results.get('basics')?.checks[0].evidence[0]).toMatchObject({
      fact: 'catalog.ownerMembers',
      value: 3,
    });
  });
});
