import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { readinessCollectorsExtensionPoint } from '@readiness/plugin-readiness-node';
import { PagerDutyClient } from './PagerDutyClient';
import { PagerDutyCollector } from './PagerDutyCollector';
import { readPagerDutyConfig } from './readPagerDutyConfig';

/**
 * Adds the PagerDuty fact collector to the readiness backend when
 * `readiness.pagerduty.token` is configured; without it, the module does
 * nothing but say so.
 *
 * @public
 */
export const readinessModulePagerduty = createBackendModule({
  pluginId: 'readiness',
  moduleId: 'pagerduty',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        collectors: readinessCollectorsExtensionPoint,
      },
      async init({ config, logger, collectors }) {
        const settings = readPagerDutyConfig(config);
        if (!settings) {
          logger.info(
            'PagerDuty fact collector is off: readiness.pagerduty.token is not configured',
          );
          return;
        }
        collectors.addCollector(
          new PagerDutyCollector(new PagerDutyClient(settings)),
        );
        logger.info(
          `PagerDuty fact collector reads ${settings.baseUrl} (${settings.concurrency} requests at a time)`,
        );
      },
    });
  },
});
