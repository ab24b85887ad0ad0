import { TestDatabases } from '@backstage/backend-test-utils';
import { ServiceFactory } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { flagCollectorModule } from './flagCollector';
import { heldCatalog } from './heldCatalog';
import { Knex } from 'knex';
import {
  ReadinessTestBackend,
  startReadinessBackend,
} from './startReadinessBackend';

/** No scheduled run during a test: they would collect and write. */
const QUIET = {
  schedule: {
    frequency: { hours: 24 },
    timeout: { minutes: 1 },
    initialDelay: { hours: 1 },
  },
  changeDetection: {
    frequency: { hours: 24 },
    timeout: { minutes: 1 },
    initialDelay: { hours: 1 },
  },
};

/**
 * Starts the plugin for the preview tests: on a fresh SQLite database, with
 * the flag collector, no scheduled run, and a catalog of these entities
 * holding its pages after the first `heldAfter` (see {@link heldCatalog}).
 */
export async function startPreviewBackend(
  databases: TestDatabases,
  options: {
    entities: Entity[];
    /** The readiness config, beside the quiet schedules. */
    readiness?: object;
    permissions?: ServiceFactory;
    heldAfter?: number;
    httpAuth?: ServiceFactory;
  },
): Promise<ReadinessTestBackend & { knex: Knex; release: () => void }> {
  const knex = await databases.init('SQLITE_3');
  const { catalog, release } = heldCatalog(options.entities, options.heldAfter);
  const { server } = await startReadinessBackend({
    catalog,
    knex,
    modules: [flagCollectorModule],
    permissions: options.permissions,
    httpAuth: options.httpAuth,
    config: { readiness: { ...QUIET, ...options.readiness } },
  });
  return { server, knex, release, catalog };
}
