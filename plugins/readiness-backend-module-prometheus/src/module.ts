import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { readinessCollectorsExtensionPoint } from '@readiness/plugin-readiness-node';
import { PrometheusClient } from './PrometheusClient';
import { PrometheusCollector } from './PrometheusCollector';
import { readPrometheusConfig } from './readPrometheusConfig';

/**
 * Adds the Prometheus fact collector to the readiness backend when
 * `readiness.prometheus` is configured; without it, the module does nothing
 * but say so.
 *
 * @public
 */
export const readinessModulePrometheus = createBackendModule({
  pluginId: 'readiness',
  moduleId: 'prometheus',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        collectors: readinessCollectorsExtensionPoint,
      },
      async init({ config, logger, collectors }) {
        const settings = readPrometheusConfig(config);
        if (!settings) {
          logger.info(
            'Prometheus fact collector is off: readiness.prometheus is not configured',
          );
          return;
        }
        const client = new PrometheusClient(settings);
        collectors.addCollector(
          new PrometheusCollector({
            client,
            selectorTemplate: settings.selector,
            errorRateQuery: settings.errorRateQuery,
            latencyP99Query: settings.latencyP99Query,
          }),
        );
        logger.info(
          `Prometheus fact collector reads ${client.url} (${settings.concurrency} requests at a time)`,
        );
      },
    });
  },
});
