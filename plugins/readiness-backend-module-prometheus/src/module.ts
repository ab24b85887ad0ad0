import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';

export const readinessModulePrometheus = createBackendModule({
  pluginId: 'readiness',
  moduleId: 'prometheus',
  register(reg) {
    reg.registerInit({
      deps: { logger: coreServices.logger },
      async init({ logger }) {
        logger.info('Hello World!');
      },
    });
  },
});
