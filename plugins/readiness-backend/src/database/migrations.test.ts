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
    'create and drop the results table, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);

      await knex.migrate.latest({ directory });
      await knex('readiness_scorecard_results').insert({
        entity_ref: 'component:default/checkout',
        scorecard_id: 'production-readiness',
        entity_etag: 'e1',
        score: 62.5,
        level: 'bronze',
        evaluated_at: new Date('2026-11-25T10:00:00Z'),
        result: JSON.stringify({ checks: [] }),
      });
      await expect(
        knex('readiness_scorecard_results').select('score', 'level'),
      ).resolves.toEqual([{ score: 62.5, level: 'bronze' }]);

      await knex.migrate.rollback({ directory }, true);
      await expect(
        knex.schema.hasTable('readiness_scorecard_results'),
      ).resolves.toBe(false);
    },
  );
});
