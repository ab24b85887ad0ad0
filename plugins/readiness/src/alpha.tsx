import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { ReadinessClient, readinessApiRef } from './api';

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
 * The readiness card on the overview of components, the only kind the
 * built-in scorecards cover so far.
 */
const readinessEntityCard = EntityCardBlueprint.make({
  name: 'readiness',
  params: {
    type: 'info',
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityReadinessCard').then(m => (
        <m.EntityReadinessCard />
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
  info: { packageJson: () => import('../package.json') },
  extensions: [readinessApi, readinessEntityCard],
});

export default readinessPlugin;
