import { TestDatabases } from '@backstage/backend-test-utils';
import { createTestStores, storesOn } from '../../__testUtils__/testStores';
import { DatabaseBadgeStore } from '../badges/DatabaseBadgeStore';
import { result, SCORECARD, stored } from '../../__testUtils__/storeFixtures';

jest.setTimeout(60_000);

/** A result of this score, computed at this time. */
const resultAt = (evaluatedAt: string, score = 50) =>
  stored({ ...result(SCORECARD, score, { owner: 'pass' }), evaluatedAt });

describe('DatabaseResultsRetention', () => {
  const databases = TestDatabases.create();
  it.each(databases.eachSupportedId())(
    'deletes results evaluated before a time, %p',
    async databaseId => {
      const stores = await storesOn(databases, databaseId);
      const at = (evaluatedAt: string) => ({
        ...result('production-readiness', 50),
        evaluatedAt,
      });
      await stores.resultWriter.replaceEntityResults(
        { ref: 'component:default/old', etag: null },
        [stored(at('2026-11-25T09:59:59.000Z'))],
      );
      await stores.resultWriter.replaceEntityResults(
        { ref: 'component:default/new', etag: null },
        [stored(at('2026-11-25T10:00:00.000Z'))],
      );

      await expect(
        stores.retention.deleteResultsEvaluatedBefore(
          new Date('2026-11-25T10:00:00Z'),
        ),
      ).resolves.toBe(1);

      expect(
        (await stores.entityResults.getEntityResults('component:default/old'))
          .results.size,
      ).toBe(0);
      expect(
        (await stores.entityResults.getEntityResults('component:default/new'))
          .results.size,
      ).toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'removes only entities evaluated before the time, to the millisecond, and keeps those asked to, %p',
    async databaseId => {
      const stores = await storesOn(databases, databaseId);
      const write = (name: string, time: string) =>
        stores.resultWriter.replaceEntityResults(
          { ref: `component:default/${name}`, etag: null },
          [resultAt(time)],
        );
      await write('gone', '2026-11-25T10:00:00.100Z');
      await write('failed-to-evaluate', '2026-11-25T10:00:00.100Z');
      // Evaluated (by a refresh, or by the run) just after the run started.
      await write('refreshed', '2026-11-25T10:00:00.900Z');

      await expect(
        stores.retention.deleteResultsEvaluatedBefore(
          new Date('2026-11-25T10:00:00.500Z'),
          new Set(['component:default/failed-to-evaluate']),
        ),
      ).resolves.toBe(1);

      const size = async (name: string) =>
        (
          await stores.entityResults.getEntityResults(
            `component:default/${name}`,
          )
        ).results.size;
      await expect(size('gone')).resolves.toBe(0);
      await expect(size('failed-to-evaluate')).resolves.toBe(1);
      await expect(size('refreshed')).resolves.toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'removes more entities than fit in one statement, %p',
    async databaseId => {
      const stores = await storesOn(databases, databaseId);
      await stores.resultWriter.replaceResultsOfEntities(
        Array.from({ length: 1_200 }, (_, i) => ({
          entity: { ref: `component:default/svc-${i}`, etag: null },
          results: [resultAt('2026-11-25T10:00:00.000Z')],
        })),
      );
      await stores.factsCache.saveEntityFacts(
        'component:default/svc-1',
        'github',
        {
          observedAt: '2026-11-25T10:00:00.000Z',
          facts: {},
        },
      );
      await expect(
        stores.retention.deleteResultsEvaluatedBefore(
          new Date('2026-11-25T11:00:00.000Z'),
          new Set(['component:default/svc-700']),
        ),
      ).resolves.toBe(1_199);
      await expect(
        stores.entityResults.getEntityEtags(['component:default/svc-700']),
      ).resolves.toEqual(new Map([['component:default/svc-700', null]]));
      await expect(
        stores.factsCache.getEntityFacts('component:default/svc-1'),
      ).resolves.toEqual(new Map());
      await expect(
        stores.standing.getCheckStatusCounts(SCORECARD),
      ).resolves.toEqual(
        new Map([
          [
            'owner',
            {
              pass: 1,
              fail: 0,
              unknown: 0,
              'not-applicable': 0,
              waived: 0,
            },
          ],
        ]),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'removes the facts of entities no longer scored, but not those observed since the time, %p',
    async databaseId => {
      const stores = await storesOn(databases, databaseId);
      const facts = (observedAt: string) => ({ observedAt, facts: {} });
      const unscored = 'component:default/now-a-library';
      await stores.resultWriter.replaceEntityResults(
        { ref: unscored, etag: null },
        [resultAt('2026-11-25T10:00:00.000Z')],
      );
      await stores.factsCache.saveEntityFacts(
        unscored,
        'github',
        facts('2026-11-25T10:00:00.000Z'),
      );
      await stores.resultWriter.replaceEntityResults(
        { ref: unscored, etag: null },
        [],
      );
      // Collected for an entity whose results are being written right now.
      await stores.factsCache.saveEntityFacts(
        'component:default/new',
        'github',
        facts('2026-11-25T11:00:00.000Z'),
      );

      await stores.retention.deleteResultsEvaluatedBefore(
        new Date('2026-11-25T10:30:00.000Z'),
      );
      await expect(stores.factsCache.getEntityFacts(unscored)).resolves.toEqual(
        new Map(),
      );
      expect(
        (await stores.factsCache.getEntityFacts('component:default/new')).size,
      ).toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'deletes the pushed facts and badge ids of removed entities, so that a later entity of the same ref inherits neither, %p',
    async databaseId => {
      const { knex, stores } = await createTestStores(databases, databaseId);
      const badges = new DatabaseBadgeStore(knex);
      const names = ['gone', 'failed-to-evaluate', 'refreshed'];
      for (const name of names) {
        const ref = `component:default/${name}`;
        await stores.resultWriter.replaceEntityResults({ ref, etag: null }, [
          resultAt(
            name === 'refreshed'
              ? '2026-11-25T10:00:00.900Z'
              : '2026-11-25T10:00:00.100Z',
          ),
        ]);
        await stores.pushedFacts.push({
          entityRef: ref,
          source: 'github-actions',
          pushedBy: 'ci-pipeline',
          observedAt: new Date('2026-11-25T09:00:00.000Z'),
          pushedAt: new Date('2026-11-25T09:00:00.000Z'),
          facts: new Map([['pushed.testCoverage', 90]]),
        });
        await badges.getOrCreateId(ref, SCORECARD, 'user:default/ada');
      }
      const { id: goneBadge } = await badges.getOrCreateId(
        'component:default/gone',
        SCORECARD,
        'user:default/ada',
      );

      await stores.retention.deleteResultsEvaluatedBefore(
        new Date('2026-11-25T10:00:00.500Z'),
        new Set(['component:default/failed-to-evaluate']),
      );

      const left = async (name: string) => {
        const ref = `component:default/${name}`;
        const pushed = await stores.pushedFacts.getEntityFacts(ref);
        const badgeRows = await knex('readiness_badges').where({
          entity_ref: ref,
        });
        return { pushed: pushed.size, badges: badgeRows.length };
      };
      await expect(left('gone')).resolves.toEqual({ pushed: 0, badges: 0 });
      await expect(left('failed-to-evaluate')).resolves.toEqual({
        pushed: 1,
        badges: 1,
      });
      await expect(left('refreshed')).resolves.toEqual({
        pushed: 1,
        badges: 1,
      });
      await expect(badges.find(goneBadge)).resolves.toBeUndefined();
      // Registered again: a new badge id, no facts of the old entity.
      const again = await badges.getOrCreateId(
        'component:default/gone',
        SCORECARD,
        'user:default/ada',
      );
      expect(again.created).toBe(true);
      expect(again.id).not.toBe(goneBadge);
    },
  );
});
