import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { isUniqueViolation } from './dialect';

jest.setTimeout(60_000);

const directory = resolvePackagePath(
  '@readiness/plugin-readiness-backend',
  'migrations',
);
const MIGRATION = '20261207000000_owner_input.js';
const TABLES = [
  'readiness_owner_inputs',
  'readiness_owner_input_subjects',
  'readiness_owner_input_events',
];

async function tablesThere(knex: Knex): Promise<boolean[]> {
  return Promise.all(TABLES.map(table => knex.schema.hasTable(table)));
}

async function countOf(query: Knex.QueryBuilder): Promise<number> {
  const [{ n }] = await query.count({ n: '*' });
  return Number(n);
}

/** A request as long as the columns allow, to check their sizes. */
async function insertRequest(knex: Knex, id: string, pendingKey: string) {
  await knex('readiness_owner_inputs').insert({
    id,
    kind: 'exemption',
    entity_ref: `component:default/${'x'.repeat(490)}`,
    scorecard_id: 's'.repeat(128),
    text: 'Why, at length. '.repeat(10_000),
    link: `https://tickets.example.com/${'t'.repeat(2_000)}`,
    expires_at: '2027-01-31',
    status: 'pending',
    requested_by: 'user:default/alice',
    requested_at: new Date('2026-12-07T10:00:00.123Z'),
  });
  await knex('readiness_owner_input_subjects').insert({
    owner_input_id: id,
    subject: 'c'.repeat(128),
    pending_key: pendingKey,
  });
  await knex('readiness_owner_input_events').insert({
    owner_input_id: id,
    action: 'requested',
    actor: 'user:default/alice',
    at: new Date('2026-12-07T10:00:00.123Z'),
    comment: 'A comment. '.repeat(10_000),
  });
}

describe('owner input migration', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'creates the owner input tables, drops them, and creates them again, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory });
      await expect(tablesThere(knex)).resolves.toEqual([true, true, true]);

      await insertRequest(knex, 'first', 'a'.repeat(64));
      const [stored] = await knex('readiness_owner_inputs').select(
        'text',
        'requested_at',
      );
      expect(stored.text).toHaveLength('Why, at length. '.length * 10_000);
      // Milliseconds are kept on every database.
      expect(new Date(stored.requested_at).toISOString()).toBe(
        '2026-12-07T10:00:00.123Z',
      );
      // One pending request per key; any number once they are decided.
      // Not `rejects.toThrow()`: SQLite's errors can come from another
      // realm than the test's when a worker runs several files.
      const duplicate = await insertRequest(
        knex,
        'second',
        'a'.repeat(64),
      ).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(isUniqueViolation(duplicate)).toBe(true);
      await knex('readiness_owner_input_subjects').update({
        pending_key: null,
      });
      await insertRequest(knex, 'third', 'b'.repeat(64));
      await knex('readiness_owner_input_subjects')
        .where({ owner_input_id: 'third' })
        .update({ pending_key: null });
      await insertRequest(knex, 'fourth', 'c'.repeat(64));
      await knex('readiness_owner_input_subjects')
        .where({ owner_input_id: 'fourth' })
        .update({ pending_key: null });
      expect(await countOf(knex('readiness_owner_input_subjects'))).toBe(3);

      await knex.migrate.down({ directory, name: MIGRATION });
      await expect(tablesThere(knex)).resolves.toEqual([false, false, false]);
      await expect(
        knex.schema.hasTable('readiness_scorecard_results'),
      ).resolves.toBe(true);

      await knex.migrate.up({ directory, name: MIGRATION });
      await expect(tablesThere(knex)).resolves.toEqual([true, true, true]);
      expect(await countOf(knex('readiness_owner_inputs'))).toBe(0);
      await insertRequest(knex, 'again', 'a'.repeat(64));
    },
  );
});
