import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { readinessPermissions } from '@readiness/plugin-readiness-common';
import { readinessCollectorsExtensionPoint } from '@readiness/plugin-readiness-node';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { registerReadinessActions } from './actions/registerReadinessActions';
import { buildRequestServices } from './api/buildRequestServices';
import { createRouter } from './api/router';
import { buildReadinessContext } from './buildReadinessContext';
import { FactCollectorRegistry } from './facts/FactCollectorRegistry';
import { scorecardResourceType } from './permissions/scorecardPermissionRules';
import { requireInstalledPlugins } from './startup/requireInstalledPlugins';

/**
 * The Readiness backend plugin. It only wires: buildReadinessContext makes
 * the parts, each job owns its schedule, buildRequestServices makes what
 * answers requests, for the REST API and the actions registry alike.
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
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        instanceMetadata: coreServices.rootInstanceMetadata,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        actionsRegistry: actionsRegistryServiceRef,
        urlReader: coreServices.urlReader,
        userInfo: coreServices.userInfo,
        catalog: catalogServiceRef,
        // Both are reached over HTTP: the plugin starts without the
        // notifications (or events) backend, and a send then fails, logged.
        notifications: notificationService,
        events: eventsServiceRef,
      },
      async init({
        httpRouter,
        instanceMetadata,
        permissionsRegistry,
        scheduler,
        actionsRegistry,
        ...services
      }) {
        await requireInstalledPlugins({
          config: services.config,
          instanceMetadata,
        });
        permissionsRegistry.addPermissions(readinessPermissions);
        const context = await buildReadinessContext({
          ...services,
          collectors,
        });
        permissionsRegistry.addResourceType(
          scorecardResourceType(context.registry),
        );
        await context.scheduleJobs(scheduler);
        const requests = await buildRequestServices(context, services);
        httpRouter.use(
          await createRouter({ ...requests, httpAuth: services.httpAuth }),
        );
        // Public badges are images in READMEs, fetched without a session;
        // only their own prefix, so that no other route reads an anonymous
        // request's body.
        if (requests.badges.isPublic) {
          httpRouter.addAuthPolicy({
            path: '/public/badges',
            allow: 'unauthenticated',
          });
        }
        registerReadinessActions(actionsRegistry, requests);
      },
    });
  },
});
