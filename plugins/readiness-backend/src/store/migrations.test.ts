import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';

jest.setTimeout(60_000);

const directory = resolvePackagePath(
  '@readiness/plugin-readiness-backend',
  'migrations',
);

/** The most rows any one select from this table returns, as it runs. */
function largestReadOf(knex: Knex, table: string): () => number {
  let largest = 0;
  knex.on(
    'query-response',
    (response: unknown, query: { sql: string; method?: string }) => {
      if (
        query.method === 'select' &&
        query.sql.includes(table) &&
        Array.isArray(response)
      ) {
        largest = Math.max(largest, response.length);
      }
    },
  );
  return () => largest;
}

describe('migrations', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'create and drop the results and history tables, keeping results across versions, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);

      // The first version, with a result in it.
      await knex.migrate.up({
        directory,
        name: '20261125000000_scorecard_results.js',
      });
      await knex('readiness_scorecard_results').insert({
        entity_ref: 'component:default/checkout',
        scorecard_id: 'production-readiness',
        entity_etag: 'e1',
        score: 62.5,
        level: 'bronze',
        evaluated_at: new Date('2026-11-25T10:00:00Z'),
        result: JSON.stringify({ checks: [{ id: 'owner', status: 'pass' }] }),
      });

      await knex.migrate.latest({ directory });
      await expect(
        knex('readiness_scorecard_results').select(
          'score',
          'level',
          'scorecard_version',
        ),
      ).resolves.toEqual([
        { score: 62.5, level: 'bronze', scorecard_version: null },
      ]);
      await expect(
        knex('readiness_history').count({ n: '*' }),
      ).resolves.toEqual([{ n: expect.anything() }]);
      // Each entity's evaluation time and etag move to a table of their own.
      const [evaluated] = await knex('readiness_evaluated_entities').select();
      expect(evaluated).toMatchObject({
        entity_ref: 'component:default/checkout',
        entity_etag: 'e1',
      });
      expect(new Date(evaluated.evaluated_at).toISOString()).toBe(
        '2026-11-25T10:00:00.000Z',
      );
      // Results from before check rows existed get theirs.
      await expect(
        knex('readiness_check_results').select(
          'entity_ref',
          'check_id',
          'status',
        ),
      ).resolves.toEqual([
        {
          entity_ref: 'component:default/checkout',
          check_id: 'owner',
          status: 'pass',
        },
      ]);

      await expect(knex.schema.hasTable('readiness_secrets')).resolves.toBe(
        true,
      );

      await knex.migrate.rollback({ directory }, true);
      await expect(knex.schema.hasTable('readiness_history')).resolves.toBe(
        false,
      );
      for (const table of [
        'readiness_scorecard_results',
        'readiness_check_results',
        'readiness_entity_facts',
        'readiness_evaluated_entities',
        'readiness_secrets',
      ]) {
        await expect(knex.schema.hasTable(table)).resolves.toBe(false);
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'move more results than one batch holds, up and down, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.up({
        directory,
        name: '20261125000000_scorecard_results.js',
      });
      const RESULTS = 1_234;
      const rows = Array.from({ length: RESULTS }, (_, i) => ({
        entity_ref: `component:default/svc-${String(i).padStart(4, '0')}`,
        // Two scorecards for some entities: ties on the first key column.
        scorecard_id: i % 2 === 0 ? 'a' : 'b',
        entity_etag: `e${i}`,
        score: 50,
        level: null,
        evaluated_at: new Date('2026-11-25T10:00:00Z'),
        result: JSON.stringify({
          checks: [
            { id: 'owner', status: 'pass' },
            { id: 'docs', status: i % 3 === 0 ? 'fail' : 'pass' },
          ],
        }),
      }));
      rows.push({ ...rows[0], scorecard_id: 'c' });
      await knex.batchInsert('readiness_scorecard_results', rows, 100);

      const largestRead = largestReadOf(knex, 'readiness_scorecard_results');
      await knex.migrate.latest({ directory });
      expect(largestRead()).toBeGreaterThan(0);
      expect(largestRead()).toBeLessThanOrEqual(500);
      const checks = await knex('readiness_check_results').select(
        'entity_ref',
        'scorecard_id',
        'check_id',
        'status',
      );
      expect(checks).toHaveLength(2 * rows.length);
      expect(
        new Set(checks.map(c => `${c.entity_ref} ${c.scorecard_id}`)).size,
      ).toBe(rows.length);
      expect(checks.filter(c => c.status === 'fail')).toHaveLength(
        Math.ceil(RESULTS / 3) + 1,
      );

      // The facts keep what their collector read.
      await knex('readiness_entity_facts').insert({
        entity_ref: 'component:default/svc-0000',
        collector_id: 'github',
        observed_at: new Date('2026-11-25T10:00:00Z'),
        facts: '{}',
        target: 'f'.repeat(64),
      });

      await knex.migrate.down({
        directory,
        name: '20261206020000_entity_facts_target.js',
      });
      await expect(
        knex.schema.hasColumn('readiness_entity_facts', 'target'),
      ).resolves.toBe(false);
      await expect(
        knex('readiness_entity_facts').select('collector_id'),
      ).resolves.toEqual([{ collector_id: 'github' }]);
    },
  );

  it.each(databases.eachSupportedId())(
    'keep the etags and evaluation times of more entities than one batch holds when going down, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory });
      const ENTITIES = 2_345;
      const refs = Array.from(
        { length: ENTITIES },
        (_, i) => `component:default/svc-${i}`,
      );
      await knex.batchInsert(
        'readiness_scorecard_results',
        refs.map(entity_ref => ({
          entity_ref,
          scorecard_id: 'a',
          score: 50,
          level: null,
          result: '{}',
        })),
        200,
      );
      await knex.batchInsert(
        'readiness_evaluated_entities',
        refs.map((entity_ref, i) => ({
          entity_ref,
          entity_etag: `e${i}`,
          evaluated_at: new Date('2026-11-25T10:00:00.123Z'),
        })),
        200,
      );

      await knex.migrate.down({
        directory,
        name: '20261206020000_entity_facts_target.js',
      });
      await knex.migrate.down({
        directory,
        name: '20261206000000_evaluation_times_in_milliseconds.js',
      });
      const largestRead = largestReadOf(knex, 'readiness_evaluated_entities');
      await knex.migrate.down({
        directory,
        name: '20261127000000_evaluated_entities.js',
      });
      expect(largestRead()).toBeGreaterThan(0);
      expect(largestRead()).toBeLessThanOrEqual(1000);
      const restored = await knex('readiness_scorecard_results')
        .whereNotNull('entity_etag')
        .whereNotNull('evaluated_at')
        .count({ n: '*' });
      expect(Number(restored[0].n)).toBe(ENTITIES);
    },
  );
});
