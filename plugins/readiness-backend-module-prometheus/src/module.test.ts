import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  FactCollector,
  readinessCollectorsExtensionPoint,
} from '@readiness/plugin-readiness-node';
import { readinessModulePrometheus } from './module';

async function start(config: object) {
  const collectors: FactCollector[] = [];
  const logger = mockServices.logger.mock();
  await startTestBackend({
    extensionPoints: [
      [
        readinessCollectorsExtensionPoint,
        {
          addCollector: (...added: FactCollector[]) =>
            collectors.push(...added),
        },
      ],
    ],
    features: [
      readinessModulePrometheus,
      mockServices.rootConfig.factory({ data: config }),
      logger.factory,
    ],
  });
  return { collectors, logger };
}

describe('readinessModulePrometheus', () => {
  it('adds no collector, and says so once, without readiness.prometheus', async () => {
    const { collectors, logger } = await start({});

    expect(collectors).toEqual([]);
    expect(logger.info).toHaveBeenCalledTimes(1);
    expect(logger.info).toHaveBeenCalledWith(
      'Prometheus fact collector is off: readiness.prometheus is not configured',
    );
  });

  it('adds the collector when readiness.prometheus.baseUrl is set, logging no secret', async () => {
    const { collectors, logger } = await start({
      readiness: {
        prometheus: {
          baseUrl: 'https://reader:url-password@prometheus.example.com',
          headers: { Authorization: 'Bearer header-secret' },
        },
      },
    });

    expect(collectors.map(c => c.id)).toEqual(['prometheus']);
    const logged = JSON.stringify(logger.info.mock.calls);
    expect(logged).toContain('https://prometheus.example.com/');
    expect(logged).not.toContain('url-password');
    expect(logged).not.toContain('header-secret');
  });

  it('stops the backend on a configuration mistake, naming the key', async () => {
    await expect(
      start({
        readiness: { prometheus: { baseUrl: 'http://p', retries: -1 } },
      }),
    ).rejects.toThrow('readiness.prometheus.retries must be a whole number');
  });
});
