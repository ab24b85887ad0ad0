import { TestDatabases } from '@backstage/backend-test-utils';
import { storesOn } from '../../__testUtils__/testStores';
import {
  attributes,
  result,
  SCORECARD,
  stored,
} from '../../__testUtils__/storeFixtures';

jest.setTimeout(60_000);

/** A result of this score, computed at this time. */
const at = (evaluatedAt: string, score = 50) =>
  stored({ ...result(SCORECARD, score, { owner: 'pass' }), evaluatedAt });

describe('DatabaseResultWriter integrity', () => {
  const databases = TestDatabases.create();
  it.each(databases.eachSupportedId())(
    'keeps results whole when a write fails, %p',
    async databaseId => {
      const stores = await storesOn(databases, databaseId);
      const entity = { ref: 'component:default/checkout', etag: 'e1' };
      await stores.resultWriter.replaceEntityResults(entity, [
        stored(result('production-readiness', 40)),
      ]);

      // better-sqlite3 errors come from outside Jest's sandbox, so they fail
      // the instanceof Error check of toThrow().
      const broken = [
        stored(result('a', 1)),
        // Rejected by the database (the score is NOT NULL) after the old
        // rows were deleted in the same transaction.
        stored({ ...result('b', 2), score: null as unknown as number }),
      ];
      const failed = await stores.resultWriter
        .replaceEntityResults(entity, broken)
        .then(
          () => false,
          () => true,
        );
      expect(failed).toBe(true);

      const kept = await stores.entityResults.getEntityResults(entity.ref);
      expect(kept.results.get('production-readiness')?.score).toBe(40);
    },
  );

  it.each(databases.eachSupportedId())(
    'lets two writers store the same entity at once, the last one winning, %p',
    async databaseId => {
      const stores = await storesOn(databases, databaseId);
      const write = (name: string, score: number, status: 'pass' | 'fail') =>
        stores.resultWriter.replaceEntityResults(
          { ref: `component:default/${name}`, etag: 'e1' },
          [
            stored(
              result(SCORECARD, score, { owner: status, runbook: status }),
            ),
          ],
        );
      const names = Array.from({ length: 20 }, (_, i) => `service-${i}`);
      // One row per check and entity, agreeing with the result that won.
      const expectOneRowPerCheck = async () => {
        let passing = 0;
        for (const name of names) {
          const { results } = await stores.entityResults.getEntityResults(
            `component:default/${name}`,
          );
          const score = results.get(SCORECARD)?.score;
          expect([40, 60]).toContain(score);
          passing += score === 60 ? 1 : 0;
        }
        const counts = await stores.standing.getCheckStatusCounts(SCORECARD);
        for (const check of ['owner', 'runbook']) {
          expect(counts.get(check)).toMatchObject({
            pass: passing,
            fail: names.length - passing,
          });
        }
      };
      // As the change scan and a full run may, for new entities, then for
      // entities whose statuses change.
      await Promise.all(
        names.flatMap(name => [
          write(name, 40, 'fail'),
          write(name, 60, 'pass'),
        ]),
      );
      await expectOneRowPerCheck();
      await Promise.all(
        names.flatMap(name => [
          write(name, 60, 'pass'),
          write(name, 40, 'fail'),
        ]),
      );
      await expectOneRowPerCheck();
    },
  );

  it.each(databases.eachSupportedId())(
    'does not replace a newer evaluation with an older one, and counts it skipped, %p',
    async databaseId => {
      const stores = await storesOn(databases, databaseId);
      const entity = { ref: 'component:default/checkout', etag: 'e2' };
      await stores.resultWriter.replaceEntityResults(entity, [
        at('2026-11-25T10:00:00.200Z', 80),
      ]);

      // The full run computed it earlier (etag e1) and stores it later.
      await expect(
        stores.resultWriter.replaceResultsOfEntities([
          {
            entity: { ...entity, etag: 'e1' },
            results: [at('2026-11-25T10:00:00.100Z', 20)],
          },
          {
            entity: { ref: 'component:default/other', etag: null },
            results: [at('2026-11-25T10:00:00.100Z', 20)],
          },
        ]),
      ).resolves.toEqual({ skipped: 1 });

      const kept = await stores.entityResults.getEntityResults(entity.ref);
      expect(kept.entityEtag).toBe('e2');
      expect(kept.results.get(SCORECARD)).toMatchObject({
        score: 80,
        evaluatedAt: '2026-11-25T10:00:00.200Z',
      });
      await expect(
        stores.history.getEntityHistory(entity.ref, { limit: 10 }),
      ).resolves.toHaveLength(1);
      expect(
        (await stores.entityResults.getEntityResults('component:default/other'))
          .results.size,
      ).toBe(1);

      // Evaluated again at the same time or later, it is written.
      await expect(
        stores.resultWriter.replaceEntityResults(entity, [
          at('2026-11-25T10:00:00.200Z', 90),
        ]),
      ).resolves.toEqual({ skipped: 0 });
      await expect(
        stores.resultWriter.replaceEntityResults(entity, [
          at('2026-11-25T10:00:00.300Z', 95),
        ]),
      ).resolves.toEqual({ skipped: 0 });
      expect(
        (await stores.entityResults.getEntityResults(entity.ref)).results.get(
          SCORECARD,
        )?.score,
      ).toBe(95);
    },
  );

  it.each(databases.eachSupportedId())(
    'stores entities whose attributes are longer than their columns, %p',
    async databaseId => {
      const stores = await storesOn(databases, databaseId);
      const long = 'x'.repeat(600);
      const entity = {
        ref: 'component:default/verbose',
        etag: null,
        attributes: attributes({
          type: 't'.repeat(300),
          lifecycle: 'l'.repeat(300),
          tags: Array.from({ length: 200 }, (_, i) => `tag-number-${i}`),
          owner: `group:default/${long}`,
          system: `system:default/${long}`,
          domain: `domain:default/${long}`,
        }),
      };
      await expect(
        stores.resultWriter.replaceEntityResults(entity, [
          at('2026-11-25T10:00:00.000Z'),
        ]),
      ).resolves.toEqual({ skipped: 0 });
      await expect(
        stores.resultList.listResults(
          {
            scorecardId: SCORECARD,
            type: 't'.repeat(255),
            tag: 'tag-number-3',
          },
          { limit: 10 },
        ),
      ).resolves.toHaveLength(1);
    },
  );
});
