import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  FactCollector,
  readinessCollectorsExtensionPoint,
} from '@readiness/plugin-readiness-node';
import { readinessModuleGithub } from './module';
import { fakeGithub } from './__testUtils__/fakeGithub';
import {
  startTestServer,
  TestServer,
} from '@readiness/plugin-readiness-node/testUtils';

const TOKEN = 'ghp_module-test-token';

describe('readinessModuleGithub', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function startModule(data: object) {
    const collectors: FactCollector[] = [];
    const logger = mockServices.logger.mock();
    await startTestBackend({
      extensionPoints: [
        [
          readinessCollectorsExtensionPoint,
          { addCollector: (...added) => collectors.push(...added) },
        ],
      ],
      features: [
        readinessModuleGithub,
        mockServices.rootConfig.factory({ data: data as any }),
        logger.factory,
      ],
    });
    return { collectors, logger };
  }

  it('is off, saying so once, without readiness.github', async () => {
    const { collectors, logger } = await startModule({});
    expect(collectors).toEqual([]);
    expect(logger.info).toHaveBeenCalledWith(
      'GitHub fact collector is off: readiness.github is not configured',
    );
  });

  it('adds the collector, with the integration’s API root and token, when configured', async () => {
    server = await startTestServer(
      fakeGithub({ 'acme/payments': { releases: ['v1.0.0'] } }),
    );
    const { collectors, logger } = await startModule({
      integrations: {
        github: [
          { host: 'github.com', apiBaseUrl: server.baseUrl, token: TOKEN },
        ],
      },
      readiness: { github: { host: 'github.com', concurrency: 2 } },
    });

    expect(collectors.map(c => c.id)).toEqual(['github']);
    const facts = await collectors[0].collect(
      [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name: 'payments',
            annotations: { 'github.com/project-slug': 'acme/payments' },
          },
        },
      ],
      {
        logger,
        signal: new AbortController().signal,
        deadline: new Date(Date.now() + 5000),
      },
    );
    expect(facts.get('component:default/payments')).toMatchObject({
      'github.defaultBranchProtected': false,
      'github.latestRelease': 'v1.0.0',
    });
    expect(server.requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
    const logged = JSON.stringify([
      logger.info.mock.calls,
      logger.warn.mock.calls,
      logger.error.mock.calls,
      logger.debug.mock.calls,
    ]);
    expect(logged).toContain('GitHub fact collector reads');
    expect(logged).not.toContain(TOKEN);
  });

  it('refuses to start with a host that has no integration', async () => {
    await expect(
      startModule({ readiness: { github: { host: 'ghe.example.com' } } }),
    ).rejects.toThrow(
      'readiness.github.host is ghe.example.com, but integrations.github has no entry for that host',
    );
  });
});
