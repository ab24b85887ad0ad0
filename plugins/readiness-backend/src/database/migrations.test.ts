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
        result: JSON.stringify({ checks: [] }),
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

      await knex.migrate.rollback({ directory }, true);
      await expect(knex.schema.hasTable('readiness_history')).resolves.toBe(
        false,
      );
      await expect(
        knex.schema.hasTable('readiness_scorecard_results'),
      ).resolves.toBe(false);
    },
  );
});
