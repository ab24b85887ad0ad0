import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  FactCollector,
  readinessCollectorsExtensionPoint,
} from '@readiness/plugin-readiness-node';
import { PAGERDUTY_FACTS } from '@readiness/plugin-readiness-common';
import { readinessModulePagerduty } from './module';

const TOKEN = 'u+MODULEtestTOKEN-42';

/** Stands in for the readiness backend: records what the module adds. */
function fakeReadinessPlugin(added: FactCollector[]) {
  return createBackendPlugin({
    pluginId: 'readiness',
    register(env) {
      env.registerExtensionPoint(readinessCollectorsExtensionPoint, {
        addCollector: (...collectors) => added.push(...collectors),
      });
      env.registerInit({ deps: {}, async init() {} });
    },
  });
}

type ConfigData = NonNullable<
  Parameters<typeof mockServices.rootConfig.factory>[0]
>['data'];

async function start(data: ConfigData) {
  const added: FactCollector[] = [];
  const logger = mockServices.logger.mock();
  await startTestBackend({
    features: [
      fakeReadinessPlugin(added),
      readinessModulePagerduty,
      mockServices.rootConfig.factory({ data }),
      logger.factory,
    ],
  });
  return { added, logger };
}

describe('readinessModulePagerduty', () => {
  it('is off without a token, and says so once', async () => {
    const { added, logger } = await start({
      readiness: { pagerduty: { baseUrl: 'https://api.eu.pagerduty.com' } },
    });
    expect(added).toEqual([]);
    expect(logger.info).toHaveBeenCalledTimes(1);
    expect(logger.info).toHaveBeenCalledWith(
      'PagerDuty fact collector is off: readiness.pagerduty.token is not configured',
    );
  });

  it('adds the collector with a token, without logging it', async () => {
    const { added, logger } = await start({
      readiness: { pagerduty: { token: TOKEN, concurrency: 2 } },
    });
    expect(added.map(c => c.id)).toEqual(['pagerduty']);
    expect(added[0].facts).toBe(PAGERDUTY_FACTS);
    expect(logger.info).toHaveBeenCalledWith(
      'PagerDuty fact collector reads https://api.pagerduty.com (2 requests at a time)',
    );
    expect(JSON.stringify(logger.info.mock.calls)).not.toContain(TOKEN);
  });

  it('stops the backend on invalid config, naming the key', async () => {
    await expect(
      start({ readiness: { pagerduty: { token: TOKEN, maxPages: 0 } } }),
    ).rejects.toThrow(
      'readiness.pagerduty.maxPages must be a whole number from 1 to 100, not 0',
    );
  });
});
