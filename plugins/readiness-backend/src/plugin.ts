import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  CATALOG_FACTS,
  REPOSITORY_FACTS,
} from '@readiness/plugin-readiness-common';
import { readinessCollectorsExtensionPoint } from '@readiness/plugin-readiness-node';
import { DatabaseReadinessStore } from './database';
import { CatalogRelationsResolver } from './service/CatalogRelationsResolver';
import { EntityFactsCollector } from './service/EntityFactsCollector';
import { EntityReadinessService } from './service/EntityReadinessService';
import { FactCollectorRegistry } from './service/FactCollectorRegistry';
import { loadBuiltInScorecards } from './service/loadBuiltInScorecards';
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
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        catalog: catalogServiceRef,
      },
      async init({
        auth,
        config,
        database,
        httpAuth,
        httpRouter,
        logger,
        catalog,
      }) {
        const store = await DatabaseReadinessStore.create({ database });
        const facts = new EntityFactsCollector(
          new CatalogRelationsResolver(catalog, auth),
          () => collectors.list(),
          logger,
          readCollectorTimeout(config),
        );
        const readiness = new EntityReadinessService(
          catalog,
          store,
          loadBuiltInScorecards(
            [
              ...CATALOG_FACTS,
              ...REPOSITORY_FACTS,
              ...collectors.list().flatMap(c => c.facts),
            ],
            logger,
          ),
          facts,
        );
        httpRouter.use(await createRouter({ httpAuth, readiness }));
      },
    });
  },
});
