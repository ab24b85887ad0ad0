import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { defaultScorecards } from '@readiness/plugin-readiness-common';
import { readinessCollectorsExtensionPoint } from '@readiness/plugin-readiness-node';
import { DatabaseReadinessStore } from './database';
import { EntityFactsCollector } from './service/EntityFactsCollector';
import { EntityReadinessService } from './service/EntityReadinessService';
import { FactCollectorRegistry } from './service/FactCollectorRegistry';
import { readCollectorTimeout } from './service/readCollectorTimeout';
import { createRouter } from './service/router';

/**
 * The Readiness backend plugin.
 *
 * @public
 */
export const readinessPlugin = createBackendPlugin({
  pluginId: 'readiness',
  register(env) {
    const collectors = new FactCollectorRegistry();
    env.registerExtensionPoint(readinessCollectorsExtensionPoint, {
      addCollector: (...added) => added.forEach(c => collectors.add(c)),
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        catalog: catalogServiceRef,
      },
      async init({ config, database, httpAuth, httpRouter, logger, catalog }) {
        const store = await DatabaseReadinessStore.create({ database });
        const facts = new EntityFactsCollector(
          () => collectors.list(),
          logger,
          readCollectorTimeout(config),
        );
        const readiness = new EntityReadinessService(
          catalog,
          store,
          defaultScorecards,
          facts,
        );
        httpRouter.use(await createRouter({ httpAuth, readiness }));
      },
    });
  },
});
