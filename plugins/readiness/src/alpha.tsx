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
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { ReadinessClient, readinessApiRef } from './api';
import { ReadinessIcon } from './components/ReadinessIcon';
import {
  campaignRouteRef,
  campaignsRouteRef,
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
 * `/readiness/exemptions`, the campaigns at `/readiness/campaigns` (one at
 * `/readiness/campaigns/<name>`); with its route and icon it is also the
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

/** The team readiness card on Group pages: the group and those under it. */
const teamReadinessEntityCard = EntityCardBlueprint.make({
  name: 'team-readiness',
  params: {
    type: 'content',
    filter: { kind: 'group' },
    loader: () =>
      import('./components/EntityTeamReadinessCard').then(m => (
        <m.EntityTeamReadinessCard />
      )),
  },
});

/**
 * The home page widget: the readiness of the signed-in user's groups. Its
 * `name` is what a home page layout (`defaultConfig`) refers to.
 */
const readinessHomeWidget = HomePageWidgetBlueprint.make({
  name: 'teams',
  params: {
    name: 'ReadinessTeams',
    title: 'Readiness of my teams',
    description:
      'How the entities of your groups, and of the groups under them, stand on a scorecard.',
    components: () =>
      import('./components/ReadinessHomeCard').then(m => ({
        Content: m.ReadinessHomeCard,
      })),
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
    campaigns: campaignsRouteRef,
    campaign: campaignRouteRef,
  },
  externalRoutes: {
    createFromTemplate: createFromTemplateRouteRef,
  },
  extensions: [
    readinessApi,
    readinessPage,
    readinessEntityCard,
    readinessEntityContent,
    teamReadinessEntityCard,
    readinessHomeWidget,
  ],
});

export default readinessPlugin;
