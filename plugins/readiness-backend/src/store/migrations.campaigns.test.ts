import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';

jest.setTimeout(60_000);

const directory = resolvePackagePath(
  '@readiness/plugin-readiness-backend',
  'migrations',
);
const MIGRATION = '20261208000000_campaigns.js';
const TABLES = [
  'readiness_campaign_entities',
  'readiness_campaign_snapshots',
  'readiness_campaign_milestones',
  'readiness_notification_outbox',
  'readiness_notification_digests',
];

/** The names of the indexes of a table, as the database lists them. */
async function indexNames(knex: Knex, table: string): Promise<string[]> {
  const client = knex.client.config.client;
  if (client === 'pg') {
    const { rows } = await knex.raw(
      'select indexname as name from pg_indexes where tablename = ?',
      [table],
    );
    return rows.map((row: { name: string }) => row.name);
  }
  if (client === 'mysql2' || client === 'mysql') {
    const [rows] = await knex.raw(
      'select distinct index_name as name from information_schema.statistics where table_schema = database() and table_name = ?',
      [table],
    );
    return rows.map((row: { name: string }) => row.name);
  }
  const rows = await knex.raw(`pragma index_list(??)`, [table]);
  return rows.map((row: { name: string }) => row.name);
}

describe('campaigns migration', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'creates the campaign tables with their indexes, drops them, and creates them again, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory });
      const [completed, pending] = await knex.migrate.list({ directory });
      expect(pending).toEqual([]);
      expect(completed).toContainEqual(
        expect.objectContaining({ name: MIGRATION }),
      );
      expect(await indexNames(knex, 'readiness_campaign_entities')).toEqual(
        expect.arrayContaining([
          'readiness_ce_met_idx',
          'readiness_ce_owner_idx',
          'readiness_ce_entity_idx',
          'readiness_ce_progress_idx',
        ]),
      );

      await knex.migrate.down({ directory, name: MIGRATION });
      await expect(
        Promise.all(TABLES.map(table => knex.schema.hasTable(table))),
      ).resolves.toEqual(TABLES.map(() => false));
      await knex.migrate.up({ directory, name: MIGRATION });
      expect(await indexNames(knex, 'readiness_campaign_entities')).toContain(
        'readiness_ce_progress_idx',
      );
    },
  );
});
