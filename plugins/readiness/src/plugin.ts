import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { ReadinessClient, readinessApiRef } from './api';
import {
  createFromTemplateRouteRef,
  exemptionsRouteRef,
  rootRouteRef,
} from './routes';

/**
 * The readiness plugin for the legacy frontend system.
 *
 * @public
 */
export const readinessPlugin = createPlugin({
  id: 'readiness',
  apis: [
    createApiFactory({
      api: readinessApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ReadinessClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    exemptions: exemptionsRouteRef,
  },
  externalRoutes: {
    createFromTemplate: createFromTemplateRouteRef,
  },
});

/**
 * The readiness pages: scorecards with their checks, leaderboards by owner,
 * system and domain, and exemptions and attestations (`/exemptions` below
 * the page). Mount it on a route of the app, e.g.
 * `<Route path="/readiness" element={<ReadinessPage />} />`.
 *
 * @public
 */
export const ReadinessPage: () => JSX.Element = readinessPlugin.provide(
  createRoutableExtension({
    name: 'ReadinessPage',
    component: () =>
      import('./components/ReadinessPage').then(m => m.ReadinessPageWithHeader),
    mountPoint: rootRouteRef,
  }),
);

/**
 * Readiness scores, levels and top failing checks of the current entity.
 * Place it on an entity page, inside an `EntityProvider`.
 *
 * @public
 */
export const EntityReadinessCard: () => JSX.Element = readinessPlugin.provide(
  createComponentExtension({
    name: 'EntityReadinessCard',
    component: {
      lazy: () =>
        import('./components/EntityReadinessCard').then(
          m => m.EntityReadinessCard,
        ),
    },
  }),
);

/**
 * Every scorecard of the current entity in full, with its history and a
 * refresh action: the content of a "Readiness" tab of an entity page.
 *
 * @public
 */
export const EntityReadinessContent: () => JSX.Element =
  readinessPlugin.provide(
    createComponentExtension({
      name: 'EntityReadinessContent',
      component: {
        lazy: () =>
          import('./components/EntityReadinessContent').then(
            m => m.EntityReadinessContent,
          ),
      },
    }),
  );
