import { TestDatabases } from '@backstage/backend-test-utils';
import { toStoredResult } from '../storedResult';
import { createTestStores, storesOn } from '../../__testUtils__/testStores';
import {
  attributes,
  result,
  SCORECARD,
  stored,
} from '../../__testUtils__/storeFixtures';

jest.setTimeout(60_000);

describe('DatabaseResultWriter', () => {
  const databases = TestDatabases.create();
  it.each(databases.eachSupportedId())(
    'stores, replaces and reads back results, %p',
    async databaseId => {
      const stores = await storesOn(databases, databaseId);
      const entity = { ref: 'component:default/checkout', etag: 'e1' };

      await expect(
        stores.entityResults.getEntityResults(entity.ref),
      ).resolves.toEqual({
        entityEtag: null,
        results: new Map(),
        scorecardVersions: new Map(),
      });

      await stores.resultWriter.replaceEntityResults(entity, [
        stored(result('production-readiness', 50)),
        stored(result('api-quality', 75.5)),
      ]);
      const first = await stores.entityResults.getEntityResults(entity.ref);
      expect(first.entityEtag).toBe('e1');
      expect([...first.results.keys()].sort()).toEqual([
        'api-quality',
        'production-readiness',
      ]);
      // Stored without what the definition says; read back by id.
      expect(first.results.get('api-quality')).toEqual(
        toStoredResult(result('api-quality', 75.5)),
      );

      await stores.resultWriter.replaceEntityResults(
        { ...entity, etag: 'e2' },
        [stored(result('production-readiness', 90))],
      );
      const second = await stores.entityResults.getEntityResults(entity.ref);
      expect(second.entityEtag).toBe('e2');
      expect([...second.results.values()].map(r => r.score)).toEqual([90]);

      await expect(
        stores.entityResults.getEntityResults('component:default/other'),
      ).resolves.toEqual({
        entityEtag: null,
        results: new Map(),
        scorecardVersions: new Map(),
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'stores a batch of entities in one go, with their history and check rows, %p',
    async databaseId => {
      const stores = await storesOn(databases, databaseId);
      const entity = (name: string, etag: string) => ({
        ref: `component:default/${name}`,
        etag,
      });
      await stores.resultWriter.replaceResultsOfEntities([
        {
          entity: entity('a', 'a1'),
          results: [stored(result('production-readiness', 50, { x: 'fail' }))],
        },
        {
          entity: entity('b', 'b1'),
          results: [stored(result('production-readiness', 100, { x: 'pass' }))],
        },
      ]);
      await stores.resultWriter.replaceResultsOfEntities([
        {
          entity: entity('a', 'a2'),
          results: [stored(result('production-readiness', 100, { x: 'pass' }))],
        },
        {
          entity: entity('b', 'b1'),
          results: [stored(result('production-readiness', 100, { x: 'pass' }))],
        },
        { entity: entity('c', 'c1'), results: [] },
      ]);

      const a = await stores.history.getEntityHistory('component:default/a', {
        limit: 10,
      });
      expect(a.map(c => c.cause)).toEqual(['entity', 'first-evaluation']);
      const b = await stores.history.getEntityHistory('component:default/b', {
        limit: 10,
      });
      expect(b.map(c => c.cause)).toEqual(['first-evaluation']);
      const counts = await stores.standing.getCheckStatusCounts(
        'production-readiness',
      );
      expect(counts.get('x')).toMatchObject({ pass: 2, fail: 0 });
      await expect(
        stores.resultWriter.replaceResultsOfEntities([]),
      ).resolves.toEqual({
        skipped: 0,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'rewrites a result row only when the result changed, and always records the evaluation time, %p',
    async databaseId => {
      const { knex, stores } = await createTestStores(databases, databaseId);
      const entity = { ref: 'component:default/checkout', etag: 'e1' };
      const evaluatedAt = (time: string, score = 50) => {
        const evaluation = result('production-readiness', score, {
          owner: 'pass',
        });
        evaluation.checks[0].evidence = [
          {
            fact: 'catalog.owner',
            value: 'group:default/team-a',
            source: 'catalog',
            observedAt: time,
          },
        ];
        return stored({ ...evaluation, evaluatedAt: time });
      };
      const resultWrites: string[] = [];
      knex.on('query', ({ sql }: { sql: string }) => {
        if (
          /^(insert|update|delete)\b.*readiness_scorecard_results/i.test(sql)
        ) {
          resultWrites.push(sql);
        }
      });

      await stores.resultWriter.replaceEntityResults(entity, [
        evaluatedAt('2026-11-25T10:00:00.000Z'),
      ]);
      expect(resultWrites).toHaveLength(1);

      // The same outcome an hour later: only the evaluation time moves.
      await stores.resultWriter.replaceEntityResults(entity, [
        evaluatedAt('2026-11-25T11:00:00.000Z'),
      ]);
      expect(resultWrites).toHaveLength(1);
      const again = (
        await stores.entityResults.getEntityResults(entity.ref)
      ).results.get('production-readiness');
      expect(again?.evaluatedAt).toBe('2026-11-25T11:00:00.000Z');
      expect(again?.checks[0].evidence[0].observedAt).toBe(
        '2026-11-25T11:00:00.000Z',
      );

      // A new score, a new owner or a new scorecard version is written.
      await stores.resultWriter.replaceEntityResults(entity, [
        evaluatedAt('2026-11-25T12:00:00.000Z', 60),
      ]);
      await stores.resultWriter.replaceEntityResults(
        { ...entity, attributes: attributes({ owner: 'group:default/b' }) },
        [evaluatedAt('2026-11-25T13:00:00.000Z', 60)],
      );
      expect(resultWrites).toHaveLength(3);
      await expect(
        stores.resultList.listResults(
          { scorecardId: 'production-readiness', owner: 'group:default/b' },
          { limit: 10 },
        ),
      ).resolves.toEqual([
        {
          entityRef: entity.ref,
          score: 60,
          level: null,
          evaluatedAt: '2026-11-25T13:00:00.000Z',
        },
      ]);

      // No scorecard applies any more: the entity is no longer scored.
      await stores.resultWriter.replaceEntityResults(entity, []);
      await expect(
        stores.entityResults.getEntityEtags([entity.ref]),
      ).resolves.toEqual(new Map());
      expect(
        (await stores.entityResults.getEntityResults(entity.ref)).results.size,
      ).toBe(0);
    },
  );

  it.each(databases.eachSupportedId())(
    'writes the rows of checks whose status changed only, %p',
    async databaseId => {
      const { knex, stores } = await createTestStores(databases, databaseId);
      const entity = { ref: 'component:default/checkout', etag: 'e1' };
      const rowIds = async () =>
        Object.fromEntries(
          (await knex('readiness_check_results').select('check_id', 'id')).map(
            row => [row.check_id, Number(row.id)],
          ),
        );
      const checkRowsWritten: unknown[][] = [];
      knex.on('query', ({ sql, bindings }) => {
        if (/^insert into .readiness_check_results/i.test(sql)) {
          checkRowsWritten.push(bindings);
        }
      });
      await stores.resultWriter.replaceEntityResults(entity, [
        stored(result(SCORECARD, 50, { a: 'pass', b: 'fail', c: 'pass' })),
      ]);
      const before = await rowIds();

      // b passes now, c is no longer defined, d is new.
      checkRowsWritten.length = 0;
      await stores.resultWriter.replaceEntityResults(entity, [
        stored(result(SCORECARD, 50, { a: 'pass', b: 'pass', d: 'fail' })),
      ]);
      expect(checkRowsWritten.flat()).not.toContain('a');
      expect(checkRowsWritten.flat()).toEqual(
        expect.arrayContaining(['b', 'd']),
      );
      const after = await rowIds();
      expect(Object.keys(after).sort()).toEqual(['a', 'b', 'd']);
      expect(after.a).toBe(before.a);
      const counts = await stores.standing.getCheckStatusCounts(SCORECARD);
      expect(counts.get('b')).toMatchObject({ pass: 1, fail: 0 });
      expect(counts.get('d')).toMatchObject({ fail: 1 });

      // A scorecard that no longer applies takes its check rows along.
      await stores.resultWriter.replaceEntityResults(entity, [
        stored(result('other', 10)),
      ]);
      await expect(rowIds()).resolves.toEqual({});
    },
  );
});
