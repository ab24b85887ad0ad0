import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { createReadinessStores } from './createReadinessStores';
import { readPluginSecret } from './readPluginSecret';

jest.setTimeout(60_000);

describe('readPluginSecret', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'makes a secret once, and every caller reads the same, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await createReadinessStores({
        database: mockServices.database({ knex, migrations: { skip: false } }),
      });

      // Replicas starting together.
      const [a, b] = await Promise.all([
        readPluginSecret(knex, 'cursor'),
        readPluginSecret(knex, 'cursor'),
      ]);
      expect(a).toHaveLength(32);
      expect(b.equals(a)).toBe(true);
      await expect(readPluginSecret(knex, 'cursor')).resolves.toEqual(a);
      await expect(readPluginSecret(knex, 'other')).resolves.not.toEqual(a);
    },
  );
});
