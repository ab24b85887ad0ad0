import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';

jest.setTimeout(60_000);

const directory = resolvePackagePath(
  '@readiness/plugin-readiness-backend',
  'migrations',
);

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

      await knex.migrate.rollback({ directory }, true);
      await expect(knex.schema.hasTable('readiness_history')).resolves.toBe(
        false,
      );
      for (const table of [
        'readiness_scorecard_results',
        'readiness_check_results',
        'readiness_entity_facts',
        'readiness_evaluated_entities',
      ]) {
        await expect(knex.schema.hasTable(table)).resolves.toBe(false);
      }
    },
  );
});
