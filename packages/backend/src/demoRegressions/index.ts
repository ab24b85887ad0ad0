import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { buildReadinessContext } from '@readiness/plugin-readiness-backend/context';
import { DEMO_REGRESSIONS } from '../demoOwnerInput/demoOwnerInput';
import { seedYesterdayResults } from './seedYesterdayResults';

/** The config key that turns the seeding on (app-config.yaml only). */
export const REGRESSIONS_CONFIG_KEY = 'readinessDemo.seedRegressions';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The services the plugin's parts are built from, here. */
type SeedServices = Omit<
  Parameters<typeof buildReadinessContext>[0],
  'now' | 'collectors' | 'auditor' | 'notifications' | 'events'
>;

/**
 * Builds the plugin's parts again with a clock set to yesterday, and stores
 * yesterday's results of DEMO_REGRESSIONS unless the database has results
 * of them already (a kept database).
 */
async function seedIntoEmptyDatabase(services: SeedServices): Promise<void> {
  const { database, logger } = services;
  const yesterday = new Date(Date.now() - DAY_MS);
  const context = await buildReadinessContext({
    ...services,
    // The plugin brought its tables up to date before start-up ended.
    database: {
      getClient: () => database.getClient(),
      migrations: { skip: true },
    },
    now: () => yesterday,
  });
  const evaluated = await context.stores.entityResults.getEntityEtags(
    DEMO_REGRESSIONS,
  );
  if (evaluated.size > 0) {
    logger.info(
      `Yesterday's results of the demo services not stored: the database has results (${REGRESSIONS_CONFIG_KEY})`,
    );
    return;
  }
  const stored = await seedYesterdayResults({
    ...services,
    entityRefs: DEMO_REGRESSIONS,
    evaluator: context.evaluator,
    resultWriter: context.stores.resultWriter,
  });
  logger.info(
    `Stored yesterday's results of ${stored} demo services (${REGRESSIONS_CONFIG_KEY})`,
  );
}

/**
 * Yesterday's results of the demo services whose attestations stop counting
 * today (see DEMO_REGRESSIONS), stored into an empty database while
 * `readinessDemo.seedRegressions` is true: the plugin's first evaluation
 * then finds them a level lower, records the regression in the history
 * and tells their owners, as it would on any other day.
 *
 * They are evaluated with the plugin's own parts, with a clock set to
 * yesterday, once start-up is over and the catalog has them, which takes
 * the catalog some seconds: app-config.yaml delays the plugin's first
 * catalog run until then.
 */
export const demoRegressionsModule = createBackendModule({
  pluginId: 'readiness',
  moduleId: 'demo-regressions',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
        lifecycle: coreServices.lifecycle,
        logger: coreServices.logger,
        urlReader: coreServices.urlReader,
      },
      async init({ lifecycle, ...services }) {
        const { config, logger } = services;
        if (!config.getOptionalBoolean(REGRESSIONS_CONFIG_KEY)) {
          return;
        }
        lifecycle.addStartupHook(() => {
          // Not awaited: the catalog only answers once start-up is over.
          seedIntoEmptyDatabase(services).catch(error =>
            logger.error(`Demo regressions not seeded: ${error}`),
          );
        });
      },
    });
  },
});
