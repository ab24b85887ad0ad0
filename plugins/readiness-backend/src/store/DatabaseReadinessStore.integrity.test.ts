import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseReadinessStore } from './DatabaseReadinessStore';
import { attributes, result, stored } from '../__testUtils__/storeFixtures';

jest.setTimeout(60_000);

const SCORECARD = 'production-readiness';

/** A result of this score, computed at this time. */
const at = (evaluatedAt: string, score = 50) =>
  stored({ ...result(SCORECARD, score, { owner: 'pass' }), evaluatedAt });

describe('DatabaseReadinessStore integrity', () => {
  const databases = TestDatabases.create();

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    return DatabaseReadinessStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
  }

  it.each(databases.eachSupportedId())(
    'does not replace a newer evaluation with an older one, and counts it skipped, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const entity = { ref: 'component:default/checkout', etag: 'e2' };
      await store.replaceEntityResults(entity, [
        at('2026-11-25T10:00:00.200Z', 80),
      ]);

      // The full run computed it earlier (etag e1) and stores it later.
      await expect(
        store.replaceResultsOfEntities([
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

      const kept = await store.getEntityResults(entity.ref);
      expect(kept.entityEtag).toBe('e2');
      expect(kept.results.get(SCORECARD)).toMatchObject({
        score: 80,
        evaluatedAt: '2026-11-25T10:00:00.200Z',
      });
      await expect(
        store.getEntityHistory(entity.ref, { limit: 10 }),
      ).resolves.toHaveLength(1);
      expect(
        (await store.getEntityResults('component:default/other')).results.size,
      ).toBe(1);

      // Evaluated again at the same time or later, it is written.
      await expect(
        store.replaceEntityResults(entity, [
          at('2026-11-25T10:00:00.200Z', 90),
        ]),
      ).resolves.toEqual({ skipped: 0 });
      await expect(
        store.replaceEntityResults(entity, [
          at('2026-11-25T10:00:00.300Z', 95),
        ]),
      ).resolves.toEqual({ skipped: 0 });
      expect(
        (await store.getEntityResults(entity.ref)).results.get(SCORECARD)
          ?.score,
      ).toBe(95);
    },
  );

  it.each(databases.eachSupportedId())(
    'removes only entities evaluated before the time, to the millisecond, and keeps those asked to, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const write = (name: string, time: string) =>
        store.replaceEntityResults(
          { ref: `component:default/${name}`, etag: null },
          [at(time)],
        );
      await write('gone', '2026-11-25T10:00:00.100Z');
      await write('failed-to-evaluate', '2026-11-25T10:00:00.100Z');
      // Evaluated (by a refresh, or by the run) just after the run started.
      await write('refreshed', '2026-11-25T10:00:00.900Z');

      await expect(
        store.deleteResultsEvaluatedBefore(
          new Date('2026-11-25T10:00:00.500Z'),
          new Set(['component:default/failed-to-evaluate']),
        ),
      ).resolves.toBe(1);

      const size = async (name: string) =>
        (await store.getEntityResults(`component:default/${name}`)).results
          .size;
      await expect(size('gone')).resolves.toBe(0);
      await expect(size('failed-to-evaluate')).resolves.toBe(1);
      await expect(size('refreshed')).resolves.toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'removes more entities than fit in one statement, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      await store.replaceResultsOfEntities(
        Array.from({ length: 1_200 }, (_, i) => ({
          entity: { ref: `component:default/svc-${i}`, etag: null },
          results: [at('2026-11-25T10:00:00.000Z')],
        })),
      );
      await store.saveEntityFacts('component:default/svc-1', 'github', {
        observedAt: '2026-11-25T10:00:00.000Z',
        facts: {},
      });
      await expect(
        store.deleteResultsEvaluatedBefore(
          new Date('2026-11-25T11:00:00.000Z'),
          new Set(['component:default/svc-700']),
        ),
      ).resolves.toBe(1_199);
      await expect(
        store.getEntityEtags(['component:default/svc-700']),
      ).resolves.toEqual(new Map([['component:default/svc-700', null]]));
      await expect(
        store.getEntityFacts('component:default/svc-1'),
      ).resolves.toEqual(new Map());
      await expect(store.getCheckStatusCounts(SCORECARD)).resolves.toEqual(
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
      const store = await createStore(databaseId);
      const facts = (observedAt: string) => ({ observedAt, facts: {} });
      const unscored = 'component:default/now-a-library';
      await store.replaceEntityResults({ ref: unscored, etag: null }, [
        at('2026-11-25T10:00:00.000Z'),
      ]);
      await store.saveEntityFacts(
        unscored,
        'github',
        facts('2026-11-25T10:00:00.000Z'),
      );
      await store.replaceEntityResults({ ref: unscored, etag: null }, []);
      // Collected for an entity whose results are being written right now.
      await store.saveEntityFacts(
        'component:default/new',
        'github',
        facts('2026-11-25T11:00:00.000Z'),
      );

      await store.deleteResultsEvaluatedBefore(
        new Date('2026-11-25T10:30:00.000Z'),
      );
      await expect(store.getEntityFacts(unscored)).resolves.toEqual(new Map());
      expect((await store.getEntityFacts('component:default/new')).size).toBe(
        1,
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'stores entities whose attributes are longer than their columns, %p',
    async databaseId => {
      const store = await createStore(databaseId);
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
        store.replaceEntityResults(entity, [at('2026-11-25T10:00:00.000Z')]),
      ).resolves.toEqual({ skipped: 0 });
      await expect(
        store.listResults(
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
