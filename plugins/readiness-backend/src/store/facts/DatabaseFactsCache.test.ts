import { TestDatabases } from '@backstage/backend-test-utils';
import { storesOn } from '../../__testUtils__/testStores';
import { SCORECARD, scoreAt } from '../../__testUtils__/storeFixtures';

jest.setTimeout(60_000);

describe('DatabaseFactsCache', () => {
  const databases = TestDatabases.create();
  it.each(databases.eachSupportedId())(
    'keeps the last facts per entity and collector, and drops those of removed entities, %p',
    async databaseId => {
      const stores = await storesOn(databases, databaseId);
      const ref = 'component:default/a';
      await scoreAt(
        stores.resultWriter,
        'a',
        '2026-11-25T10:00:00.000Z',
        50,
        null,
      );
      await stores.factsCache.saveEntityFacts(ref, 'github', {
        observedAt: '2026-11-25T10:00:00.000Z',
        facts: { 'github.branchProtection': true },
      });
      await stores.factsCache.saveEntityFacts(ref, 'github', {
        observedAt: '2026-11-25T11:00:00.000Z',
        facts: { 'github.branchProtection': false, 'github.openAlerts': 3 },
      });
      await stores.factsCache.saveEntityFacts(ref, 'pagerduty', {
        observedAt: '2026-11-25T11:00:00.000Z',
        facts: { 'pagerduty.onCall': ['ada'] },
      });
      const facts = await stores.factsCache.getEntityFacts(ref);
      expect(facts.get('github')).toEqual({
        observedAt: '2026-11-25T11:00:00.000Z',
        facts: { 'github.branchProtection': false, 'github.openAlerts': 3 },
      });
      expect([...facts.keys()].sort()).toEqual(['github', 'pagerduty']);
      await expect(
        stores.entityResults.getEntityEtags([ref, 'component:default/x']),
      ).resolves.toEqual(new Map([[ref, null]]));

      await stores.retention.deleteResultsEvaluatedBefore(
        new Date('2026-11-26T00:00:00Z'),
      );
      await expect(stores.factsCache.getEntityFacts(ref)).resolves.toEqual(
        new Map(),
      );
      await expect(
        stores.standing.getCheckStatusCounts(SCORECARD),
      ).resolves.toEqual(new Map());
    },
  );
});
