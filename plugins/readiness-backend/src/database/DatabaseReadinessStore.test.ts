import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ScorecardResult } from '@readiness/plugin-readiness-common';
import { DatabaseReadinessStore } from './DatabaseReadinessStore';

jest.setTimeout(60_000);

function result(scorecardId: string, score: number): ScorecardResult {
  return {
    scorecard: {
      id: scorecardId,
      title: scorecardId,
      description: '',
      levels: [],
    },
    entityRef: 'component:default/checkout',
    score,
    level: null,
    nextLevel: null,
    categories: [],
    counts: { pass: 0, fail: 0, unknown: 0, 'not-applicable': 0, waived: 0 },
    checks: [],
    evaluatedAt: '2026-11-25T10:00:00.000Z',
  };
}

describe('DatabaseReadinessStore', () => {
  const databases = TestDatabases.create();

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    return DatabaseReadinessStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
  }

  it.each(databases.eachSupportedId())(
    'stores, replaces and reads back results, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const entity = { ref: 'component:default/checkout', etag: 'e1' };

      await expect(store.getEntityResults(entity.ref)).resolves.toEqual({
        entityEtag: null,
        results: new Map(),
      });

      await store.replaceEntityResults(entity, [
        result('production-readiness', 50),
        result('api-quality', 75.5),
      ]);
      const first = await store.getEntityResults(entity.ref);
      expect(first.entityEtag).toBe('e1');
      expect([...first.results.keys()].sort()).toEqual([
        'api-quality',
        'production-readiness',
      ]);
      expect(first.results.get('api-quality')).toEqual(
        result('api-quality', 75.5),
      );

      await store.replaceEntityResults({ ...entity, etag: 'e2' }, [
        result('production-readiness', 90),
      ]);
      const second = await store.getEntityResults(entity.ref);
      expect(second.entityEtag).toBe('e2');
      expect([...second.results.values()].map(r => r.score)).toEqual([90]);

      await expect(
        store.getEntityResults('component:default/other'),
      ).resolves.toEqual({ entityEtag: null, results: new Map() });
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps results whole when a write fails, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const entity = { ref: 'component:default/checkout', etag: 'e1' };
      await store.replaceEntityResults(entity, [
        result('production-readiness', 40),
      ]);

      // better-sqlite3 errors come from outside Jest's sandbox, so they fail
      // the instanceof Error check of toThrow().
      const duplicate = [result('a', 1), result('a', 2)];
      const failed = await store.replaceEntityResults(entity, duplicate).then(
        () => false,
        () => true,
      );
      expect(failed).toBe(true);

      const stored = await store.getEntityResults(entity.ref);
      expect(stored.results.get('production-readiness')?.score).toBe(40);
    },
  );

  it.each(databases.eachSupportedId())(
    'deletes results evaluated before a time, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const at = (evaluatedAt: string) => ({
        ...result('production-readiness', 50),
        evaluatedAt,
      });
      await store.replaceEntityResults(
        { ref: 'component:default/old', etag: null },
        [at('2026-11-25T09:59:59.000Z')],
      );
      await store.replaceEntityResults(
        { ref: 'component:default/new', etag: null },
        [at('2026-11-25T10:00:00.000Z')],
      );

      await expect(
        store.deleteResultsEvaluatedBefore(new Date('2026-11-25T10:00:00Z')),
      ).resolves.toBe(1);

      expect(
        (await store.getEntityResults('component:default/old')).results.size,
      ).toBe(0);
      expect(
        (await store.getEntityResults('component:default/new')).results.size,
      ).toBe(1);
    },
  );
});
