import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { ReadinessClient, readinessApiRef } from './api';
import { ReadinessIcon } from './components/ReadinessIcon';
import {
  createFromTemplateRouteRef,
  exemptionsRouteRef,
  rootRouteRef,
} from './routes';
import { readinessTranslationRef } from './translation';

/** The kinds the built-in scorecards cover: services and websites, and APIs. */
const scoredKinds = { kind: { $in: ['component', 'api'] } };

const readinessApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: readinessApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ReadinessClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The readiness pages at `/readiness`, the exemptions at
 * `/readiness/exemptions`; with its route and icon it is also the
 * "Readiness" item of the app's navigation.
 */
const readinessPage = PageBlueprint.make({
  params: {
    path: '/readiness',
    routeRef: rootRouteRef,
    title: readinessTranslationRef('page.title'),
    icon: <ReadinessIcon />,
    loader: () =>
      import('./components/ReadinessPage').then(m => <m.ReadinessPage />),
  },
});

/** The readiness card on the overview of the entities scorecards cover. */
const readinessEntityCard = EntityCardBlueprint.make({
  name: 'readiness',
  params: {
    type: 'info',
    filter: scoredKinds,
    loader: () =>
      import('./components/EntityReadinessCard').then(m => (
        <m.EntityReadinessCard />
      )),
  },
});

/** The "Readiness" tab of the entities scorecards cover. */
const readinessEntityContent = EntityContentBlueprint.make({
  name: 'readiness',
  params: {
    path: 'readiness',
    title: readinessTranslationRef('entityReadinessContent.title'),
    filter: scoredKinds,
    loader: () =>
      import('./components/EntityReadinessContent').then(m => (
        <m.EntityReadinessContent />
      )),
  },
});

/**
 * The readiness plugin for the new frontend system.
 *
 * @alpha
 */
const readinessPlugin = createFrontendPlugin({
  pluginId: 'readiness',
  title: 'Readiness',
  icon: <ReadinessIcon />,
  info: { packageJson: () => import('../package.json') },
  routes: {
    root: rootRouteRef,
    exemptions: exemptionsRouteRef,
  },
  externalRoutes: {
    createFromTemplate: createFromTemplateRouteRef,
  },
  extensions: [
    readinessApi,
    readinessPage,
    readinessEntityCard,
    readinessEntityContent,
  ],
});

export default readinessPlugin;
