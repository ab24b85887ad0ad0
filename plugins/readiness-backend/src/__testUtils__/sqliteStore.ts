import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseReadinessStore } from '../store';

/** A store on a fresh in-memory SQLite database, for tests of services. */
export async function sqliteStore(databases: TestDatabases) {
  const knex = await databases.init('SQLITE_3');
  return DatabaseReadinessStore.create({
    database: mockServices.database({ knex, migrations: { skip: false } }),
  });
}
