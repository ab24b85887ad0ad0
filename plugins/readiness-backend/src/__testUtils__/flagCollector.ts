import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  FactCollector,
  readinessCollectorsExtensionPoint,
} from '@readiness/plugin-readiness-node';

/** A collector of `test.flag` that must never be asked during a preview. */
export const flagCollector: FactCollector & { collect: jest.Mock } = {
  id: 'test',
  facts: [{ name: 'test.flag', type: 'boolean', description: 'A flag' }],
  collect: jest.fn(async () => new Map()),
};

/** The module adding {@link flagCollector} to the readiness plugin. */
export const flagCollectorModule = createBackendModule({
  pluginId: 'readiness',
  moduleId: 'test-collectors',
  register(env) {
    env.registerInit({
      deps: { collectors: readinessCollectorsExtensionPoint },
      async init({ collectors }) {
        collectors.addCollector(flagCollector);
      },
    });
  },
});
