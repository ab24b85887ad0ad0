import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createCardExtension } from '@backstage/plugin-home-react';
import { ReadinessClient, readinessApiRef } from './api';
import {
  campaignRouteRef,
  campaignsRouteRef,
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
    campaigns: campaignsRouteRef,
    campaign: campaignRouteRef,
  },
  externalRoutes: {
    createFromTemplate: createFromTemplateRouteRef,
  },
});

/**
 * The readiness pages: scorecards with their checks, leaderboards by owner,
 * system and domain, exemptions and attestations (`/exemptions` below the
 * page), and campaigns (`/campaigns`, one at `/campaigns/<name>`). Mount it on a route of the app, e.g.
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

/**
 * The readiness of the current group's entities, the groups under it
 * included: levels, trend, the entities lowest score first, campaign items
 * due and the week's level drops. Place it on a Group page, inside an
 * `EntityProvider`.
 *
 * @public
 */
export const EntityTeamReadinessCard: () => JSX.Element =
  readinessPlugin.provide(
    createComponentExtension({
      name: 'EntityTeamReadinessCard',
      component: {
        lazy: () =>
          import('./components/EntityTeamReadinessCard').then(
            m => m.EntityTeamReadinessCard,
          ),
      },
    }),
  );

/**
 * A card for the home page (`@backstage/plugin-home`): the readiness of the
 * signed-in user's groups, each with the groups under it.
 *
 * @public
 */
export const ReadinessHomeCard = readinessPlugin.provide(
  createCardExtension<{}>({
    name: 'ReadinessHomeCard',
    title: 'Readiness of my teams',
    components: () =>
      import('./components/ReadinessHomeCard').then(m => ({
        Content: m.ReadinessHomeCard,
      })),
  }),
);
