import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readinessPlugin } from '../plugin';
import { standInPlugin } from '../__testUtils__/standInPlugin';

describe('readiness backend start-up requirements', () => {
  it('fails start-up, naming the catalog plugin, when the backend does not run it', async () => {
    // The catalog service resolves (a mock), but no catalog plugin runs.
    const started = startTestBackend({
      features: [
        readinessPlugin,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({ data: {} }),
      ],
    });

    await expect(started).rejects.toThrow(
      "Plugin 'readiness' startup failed; caused by Error: Readiness needs the catalog backend plugin, which this backend does not run. Add it: yarn --cwd packages/backend add @backstage/plugin-catalog-backend",
    );
  });

  it('fails start-up when permissions are enabled and no permission plugin runs', async () => {
    const started = startTestBackend({
      features: [
        readinessPlugin,
        standInPlugin('catalog'),
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: { permission: { enabled: true } },
        }),
      ],
    });

    await expect(started).rejects.toThrow(
      'Readiness needs the permission backend plugin (permission.enabled is true), which this backend does not run.',
    );
  });
});
