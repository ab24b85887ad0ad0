import {
  AuthService,
  DatabaseService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { Knex } from 'knex';
import { buildReadinessContext } from '@readiness/plugin-readiness-backend/context';
import { benchCampaigns } from './benchCampaigns';
import { MemoryCatalog } from './MemoryCatalog';
import { syntheticRepositories } from './syntheticRepositories';

const quiet = () => {};
export const quietLogger = {
  error: quiet,
  warn: quiet,
  info: quiet,
  debug: quiet,
  child: () => quietLogger,
} as unknown as LoggerService;

const auth = {
  getOwnServiceCredentials: async () => ({}),
} as unknown as AuthService;

/**
 * The readiness backend's parts, built as the plugin builds them, over an
 * in-memory catalog, synthetic repositories and a real database, with
 * `campaigns` campaigns on the production-readiness scorecard.
 */
export async function readinessBackend(
  knex: Knex,
  catalog: MemoryCatalog,
  campaigns = 0,
) {
  return buildReadinessContext({
    // Repository facts collected at every evaluation, as the figures in
    // docs/benchmarks.md were measured (the plugin reuses them an hour).
    config: new ConfigReader({
      readiness: {
        collectors: { repository: { frequency: { milliseconds: 0 } } },
        scorecards: benchCampaigns(campaigns).map(inline => ({ inline })),
      },
    }),
    logger: quietLogger,
    database: { getClient: async () => knex } as unknown as DatabaseService,
    catalog: catalog.asService(),
    auth,
    urlReader: syntheticRepositories(),
  });
}
