import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';

jest.setTimeout(60_000);

const directory = resolvePackagePath(
  '@readiness/plugin-readiness-backend',
  'migrations',
);
const MIGRATION = '20261209000000_pushed_facts_and_badges.js';
const TABLES = ['readiness_pushed_facts', 'readiness_badges'];

const tablesThere = (knex: Knex) =>
  Promise.all(TABLES.map(table => knex.schema.hasTable(table)));

/** Settles to the error a statement failed with, or undefined. */
const failureOf = (statement: Promise<unknown>) =>
  statement.then(
    () => undefined,
    (error: unknown) => error,
  );

function pushedFact(entityRef: string, value: unknown) {
  return {
    entity_ref: entityRef,
    fact_name: 'pushed.testCoverage',
    value: JSON.stringify(value),
    source: 'ci',
    pushed_by: 'demo-ci-pipeline',
    observed_at: 1_765_100_000_000,
    pushed_at: 1_765_100_000_123,
  };
}

function badge(id: string, entityRef: string) {
  return {
    id,
    entity_ref: entityRef,
    scorecard_id: 'production-readiness',
    created_by: 'user:default/guest',
    created_at: 1_765_100_000_000,
  };
}

describe('pushed facts and badges migration', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'creates the tables with their keys, drops them, and creates them again, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory });
      await expect(tablesThere(knex)).resolves.toEqual([true, true]);

      // A long list of wide characters fits (100 items of 256).
      const wide = Array.from({ length: 100 }, () => 'é'.repeat(256));
      await knex('readiness_pushed_facts').insert(
        pushedFact('component:default/a', wide),
      );
      const [stored] = await knex('readiness_pushed_facts').select('value');
      expect(JSON.parse(stored.value)).toEqual(wide);
      // One value per entity and fact; one badge per entity and scorecard.
      expect(
        await failureOf(
          knex('readiness_pushed_facts').insert(
            pushedFact('component:default/a', 1),
          ),
        ),
      ).toBeDefined();
      await knex('readiness_badges').insert(
        badge('first', 'component:default/a'),
      );
      expect(
        await failureOf(
          knex('readiness_badges').insert(
            badge('second', 'component:default/a'),
          ),
        ),
      ).toBeDefined();
      await knex('readiness_badges').insert(
        badge('third', 'component:default/b'),
      );

      await knex.migrate.down({ directory, name: MIGRATION });
      await expect(tablesThere(knex)).resolves.toEqual([false, false]);
      await expect(
        knex.schema.hasTable('readiness_scorecard_results'),
      ).resolves.toBe(true);

      await knex.migrate.up({ directory, name: MIGRATION });
      await expect(tablesThere(knex)).resolves.toEqual([true, true]);
      // Created anew: empty.
      expect(await knex('readiness_badges').select('id')).toEqual([]);
    },
  );
});
