import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { readinessCollectorsExtensionPoint } from '@readiness/plugin-readiness-node';
import { HttpCollector } from './HttpCollector';
import { readHttpCollectorConfig } from './readHttpCollectorConfig';

/**
 * Adds a fact collector for each entry of `readiness.http.collectors`; with
 * none configured it adds nothing.
 *
 * @public
 */
export const readinessModuleHttp = createBackendModule({
  pluginId: 'readiness',
  moduleId: 'http',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        collectors: readinessCollectorsExtensionPoint,
      },
      async init({ config, logger, collectors }) {
        const specs = readHttpCollectorConfig(config);
        if (specs.length === 0) {
          logger.info(
            'No readiness.http.collectors configured; the HTTP fact collector is off',
          );
          return;
        }
        collectors.addCollector(...specs.map(spec => new HttpCollector(spec)));
        logger.info(
          `Readiness HTTP fact collectors: ${specs.map(s => s.id).join(', ')}`,
        );
      },
    });
  },
});
