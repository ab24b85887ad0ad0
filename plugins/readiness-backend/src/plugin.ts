import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { defaultScorecards } from '@readiness/plugin-readiness-common';
import { DatabaseReadinessStore } from './database';
import { EntityReadinessService } from './service/EntityReadinessService';
import { createRouter } from './service/router';

/**
 * The Readiness backend plugin.
 *
 * @public
 */
export const readinessPlugin = createBackendPlugin({
  pluginId: 'readiness',
  register(env) {
    env.registerInit({
      deps: {
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        catalog: catalogServiceRef,
      },
      async init({ database, httpAuth, httpRouter, catalog }) {
        const store = await DatabaseReadinessStore.create({ database });
        const readiness = new EntityReadinessService(
          catalog,
          store,
          defaultScorecards,
        );
        httpRouter.use(await createRouter({ httpAuth, readiness }));
      },
    });
  },
});
