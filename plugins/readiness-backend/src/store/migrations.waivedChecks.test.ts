import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';

jest.setTimeout(60_000);

const directory = resolvePackagePath(
  '@readiness/plugin-readiness-backend',
  'migrations',
);
const MIGRATION = '20261207020000_results_waived_checks.js';

describe('migration of waived check counts', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'counts the waived checks of results stored before it, and drops the count going down, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory });
      await knex.migrate.down({ directory, name: MIGRATION });
      const row = (name: string) => ({
        entity_ref: `component:default/${name}`,
        scorecard_id: 'production-readiness',
        score: 50,
        level: null,
        result: '{}',
      });
      await knex('readiness_scorecard_results').insert([row('a'), row('b')]);
      await knex('readiness_check_results').insert(
        ['waived', 'waived', 'fail'].map((status, i) => ({
          entity_ref: 'component:default/a',
          scorecard_id: 'production-readiness',
          check_id: `check-${i}`,
          status,
        })),
      );

      await knex.migrate.latest({ directory });
      const counts = await knex('readiness_scorecard_results')
        .select('entity_ref', 'waived_checks')
        .orderBy('entity_ref');
      expect(counts.map(c => [c.entity_ref, Number(c.waived_checks)])).toEqual([
        ['component:default/a', 2],
        ['component:default/b', 0],
      ]);

      await knex.migrate.down({ directory, name: MIGRATION });
      expect(
        await knex.schema.hasColumn(
          'readiness_scorecard_results',
          'waived_checks',
        ),
      ).toBe(false);
    },
  );
});
