import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { readinessCollectorsExtensionPoint } from '@readiness/plugin-readiness-node';
import { GithubClient } from './GithubClient';
import { GithubCollector } from './GithubCollector';
import { readGithubConfig } from './readGithubConfig';

/**
 * Adds the GitHub fact collector to the readiness backend when
 * `readiness.github` is configured; without it, the module does nothing but
 * say so.
 *
 * @public
 */
export const readinessModuleGithub = createBackendModule({
  pluginId: 'readiness',
  moduleId: 'github',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        collectors: readinessCollectorsExtensionPoint,
      },
      async init({ config, logger, collectors }) {
        const integrations = ScmIntegrations.fromConfig(config);
        const settings = readGithubConfig(config, integrations);
        if (!settings) {
          logger.info(
            'GitHub fact collector is off: readiness.github is not configured',
          );
          return;
        }
        const client = new GithubClient({
          ...settings,
          credentials:
            DefaultGithubCredentialsProvider.fromIntegrations(integrations),
        });
        collectors.addCollector(new GithubCollector(client));
        logger.info(
          `GitHub fact collector reads ${settings.apiBaseUrl} for ${settings.host} (${settings.concurrency} requests at a time)`,
        );
      },
    });
  },
});
