import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { createReadinessStores } from '../store';

/**
 * The stores on a fresh database, migrated, and its knex client; an
 * in-memory SQLite database unless told otherwise.
 */
export async function createTestStores(
  databases: TestDatabases,
  databaseId: TestDatabaseId = 'SQLITE_3',
) {
  const knex = await databases.init(databaseId);
  const stores = await createReadinessStores({
    database: mockServices.database({ knex, migrations: { skip: false } }),
  });
  return { knex, stores };
}

/** The stores on a fresh database of the given kind (for `it.each`). */
export async function storesOn(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
) {
  return (await createTestStores(databases, databaseId)).stores;
}

/** The stores on a fresh in-memory SQLite database, for tests of services. */
export async function sqliteStores(databases: TestDatabases) {
  return storesOn(databases, 'SQLITE_3');
}
