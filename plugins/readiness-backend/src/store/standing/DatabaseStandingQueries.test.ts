import { TestDatabases } from '@backstage/backend-test-utils';
import { storesOn } from '../../__testUtils__/testStores';
import { result, SCORECARD, stored } from '../../__testUtils__/storeFixtures';

jest.setTimeout(60_000);

describe('DatabaseStandingQueries', () => {
  const databases = TestDatabases.create();
  it.each(databases.eachSupportedId())(
    'aggregates the standing of a scorecard, with its waived checks, %p',
    async databaseId => {
      const stores = await storesOn(databases, databaseId);
      const scored = (
        name: string,
        score: number,
        level: string | null,
        waived = 0,
      ) => {
        const scoredResult = result('production-readiness', score);
        scoredResult.counts.waived = waived;
        return stores.resultWriter.replaceEntityResults(
          { ref: `component:default/${name}`, etag: null },
          [stored({ ...scoredResult, level })],
        );
      };
      await scored('a', 40, null);
      await scored('b', 70, 'bronze', 2);
      await scored('c', 90, 'bronze', 1);
      await scored('d', 100, 'gold');

      await expect(
        stores.standing.getScorecardStanding('production-readiness'),
      ).resolves.toEqual({
        entities: 4,
        averageScore: 75,
        levelCounts: { none: 1, bronze: 2, gold: 1 },
        waivedChecks: 3,
      });
      await expect(
        stores.standing.getScorecardStanding('unknown'),
      ).resolves.toEqual({
        entities: 0,
        averageScore: null,
        levelCounts: {},
        waivedChecks: 0,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'counts each check status, over all entities or the visible ones, %p',
    async databaseId => {
      const stores = await storesOn(databases, databaseId);
      const evaluate = (
        name: string,
        checks: Record<string, 'pass' | 'fail' | 'unknown'>,
      ) =>
        stores.resultWriter.replaceEntityResults(
          { ref: `component:default/${name}`, etag: null },
          [stored(result(SCORECARD, 50, checks))],
        );
      await evaluate('a', { owner: 'pass', runbook: 'fail' });
      await evaluate('b', { owner: 'pass', runbook: 'unknown' });
      await evaluate('c', { owner: 'fail', runbook: 'fail' });
      // A new evaluation replaces the entity's statuses.
      await evaluate('c', { owner: 'pass', runbook: 'fail' });

      const counts = await stores.standing.getCheckStatusCounts(SCORECARD);
      expect(counts.get('owner')).toEqual({
        pass: 3,
        fail: 0,
        unknown: 0,
        'not-applicable': 0,
        waived: 0,
      });
      expect(counts.get('runbook')).toMatchObject({ fail: 2, unknown: 1 });

      const visible = new Set(['component:default/a']);
      const mine = await stores.standing.getCheckStatusCounts(
        SCORECARD,
        visible,
      );
      expect(mine.get('runbook')).toMatchObject({ fail: 1, unknown: 0 });

      const failing = await stores.resultList.listResults(
        { scorecardId: SCORECARD, check: 'runbook', status: 'fail' },
        { limit: 10 },
      );
      expect(failing.map(r => r.entityRef).sort()).toEqual([
        'component:default/a',
        'component:default/c',
      ]);
      const anyUnknown = await stores.resultList.listResults(
        { scorecardId: SCORECARD, status: 'unknown' },
        { limit: 10 },
      );
      expect(anyUnknown.map(r => r.entityRef)).toEqual(['component:default/b']);
    },
  );
});
