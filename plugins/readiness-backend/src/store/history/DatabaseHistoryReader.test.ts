import { TestDatabases } from '@backstage/backend-test-utils';
import { ScorecardResult } from '@readiness/plugin-readiness-common';
import { storesOn } from '../../__testUtils__/testStores';
import { result, stored } from '../../__testUtils__/storeFixtures';

jest.setTimeout(60_000);

describe('DatabaseHistoryReader', () => {
  const databases = TestDatabases.create();
  it.each(databases.eachSupportedId())(
    'records changes only, with their cause, newest first, %p',
    async databaseId => {
      const stores = await storesOn(databases, databaseId);
      const ref = 'component:default/svc';
      const evaluation = (
        time: string,
        level: string | null,
        status: 'pass' | 'fail',
      ): ScorecardResult => ({
        ...result('production-readiness', status === 'pass' ? 100 : 0),
        level,
        evaluatedAt: time,
        checks: [
          {
            id: 'owner',
            title: 'Owner',
            category: 'ownership',
            level: 'bronze',
            weight: 1,
            status,
            evidence: [],
            remediation: { text: 'Set an owner' },
          },
        ],
      });

      await stores.resultWriter.replaceEntityResults({ ref, etag: 'e1' }, [
        stored(evaluation('2026-11-25T10:00:00.000Z', null, 'fail')),
      ]);
      // Same outcome, nothing recorded.
      await stores.resultWriter.replaceEntityResults({ ref, etag: 'e1' }, [
        stored(evaluation('2026-11-25T10:30:00.000Z', null, 'fail')),
      ]);
      await stores.resultWriter.replaceEntityResults({ ref, etag: 'e2' }, [
        stored(evaluation('2026-11-25T11:00:00.000Z', 'bronze', 'pass')),
      ]);
      await stores.resultWriter.replaceEntityResults({ ref, etag: 'e2' }, [
        stored(evaluation('2026-11-25T12:00:00.000Z', null, 'fail'), 'v2'),
      ]);

      const history = await stores.history.getEntityHistory(ref, { limit: 10 });
      expect(history.map(c => [c.changedAt, c.cause, c.levelAfter])).toEqual([
        ['2026-11-25T12:00:00.000Z', 'scorecard', null],
        ['2026-11-25T11:00:00.000Z', 'entity', 'bronze'],
        ['2026-11-25T10:00:00.000Z', 'first-evaluation', null],
      ]);
      expect(history[1]).toEqual({
        scorecard: 'production-readiness',
        changedAt: '2026-11-25T11:00:00.000Z',
        cause: 'entity',
        levelBefore: null,
        levelAfter: 'bronze',
        scoreBefore: 0,
        scoreAfter: 100,
        checks: [{ check: 'owner', before: 'fail', after: 'pass' }],
      });
      await expect(
        stores.history.getEntityHistory(ref, { limit: 1 }),
      ).resolves.toHaveLength(1);

      await expect(
        stores.retention.deleteHistoryBefore(new Date('2026-11-25T11:00:00Z')),
      ).resolves.toBe(1);
      await expect(
        stores.history.getEntityHistory(ref, { limit: 10 }),
      ).resolves.toHaveLength(2);
    },
  );
});
