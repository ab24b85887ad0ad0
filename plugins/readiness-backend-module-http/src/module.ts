import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';

export const readinessModuleHttp = createBackendModule({
  pluginId: 'readiness',
  moduleId: 'http',
  register(reg) {
    reg.registerInit({
      deps: { logger: coreServices.logger },
      async init({ logger }) {
        logger.info('Hello World!');
      },
    });
  },
});
