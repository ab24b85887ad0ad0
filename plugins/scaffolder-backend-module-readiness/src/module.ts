import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createReadinessEvaluateAction } from './actions/evaluate';
import { createReadinessGateAction } from './actions/gate';
import { ReadinessDraftClient } from './client/ReadinessDraftClient';

/**
 * Adds `readiness:evaluate` and `readiness:gate` to the Scaffolder; they
 * call the readiness backend on behalf of the task's initiator.
 *
 * @public
 */
export const readinessScaffolderModule = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'readiness',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ scaffolder, discovery, auth }) {
        const client = new ReadinessDraftClient({ discovery, auth });
        scaffolder.addActions(
          createReadinessEvaluateAction({ client }),
          createReadinessGateAction({ client }),
        );
      },
    });
  },
});
