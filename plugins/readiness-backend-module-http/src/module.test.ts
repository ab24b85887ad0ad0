import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  FactCollector,
  readinessCollectorsExtensionPoint,
} from '@readiness/plugin-readiness-node';
import { readinessModuleHttp } from './module';

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

describe('readinessModuleHttp', () => {
  it('adds no collector without config', async () => {
    const added: FactCollector[] = [];
    const logger = mockServices.logger.mock();
    await startTestBackend({
      features: [
        fakeReadinessPlugin(added),
        readinessModuleHttp,
        mockServices.rootConfig.factory({ data: {} }),
        logger.factory,
      ],
    });
    expect(added).toEqual([]);
    expect(logger.info).toHaveBeenCalledWith(
      'No readiness.http.collectors configured; the HTTP fact collector is off',
    );
  });

  it('adds a collector per configured entry', async () => {
    const added: FactCollector[] = [];
    await startTestBackend({
      features: [
        fakeReadinessPlugin(added),
        readinessModuleHttp,
        mockServices.rootConfig.factory({
          data: {
            readiness: {
              http: {
                collectors: [
                  {
                    id: 'sonarqube',
                    url: "https://sonarqube.example.com/api/measures/component?component={{ metadata.annotations['sonarqube.org/project-key'] }}&metricKeys=coverage",
                    facts: [
                      {
                        name: 'sonarqube.coverage',
                        type: 'number',
                        description: 'Line coverage, in percent.',
                        path: '$.component.measures[0].value',
                      },
                    ],
                  },
                ],
              },
            },
          },
        }),
      ],
    });
    expect(added.map(c => [c.id, c.facts.map(f => f.name)])).toEqual([
      ['sonarqube', ['sonarqube.coverage']],
    ]);
  });

  it('stops the backend on invalid config, naming the key', async () => {
    await expect(
      startTestBackend({
        features: [
          fakeReadinessPlugin([]),
          readinessModuleHttp,
          mockServices.rootConfig.factory({
            data: {
              readiness: {
                http: {
                  collectors: [
                    {
                      id: 'sonarqube',
                      url: 'https://x/{{ metadata.name }}',
                      facts: [
                        {
                          name: 'coverage',
                          type: 'number',
                          description: 'x',
                          path: '$.a',
                        },
                      ],
                    },
                  ],
                },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(
      'readiness.http.collectors[0].facts[0].name must start with "sonarqube."',
    );
  });
});
