import { mockServices } from '@backstage/backend-test-utils';
import { requireInstalledPlugins } from './requireInstalledPlugins';

function check(installed: string[], config: object = {}) {
  return requireInstalledPlugins({
    config: mockServices.rootConfig({ data: config }),
    instanceMetadata: {
      getId: () => 'test',
      getInstalledPlugins: async () =>
        installed.map(pluginId => ({ pluginId, modules: [] })),
    },
  });
}

const permissionEnabled = { permission: { enabled: true } };

describe('requireInstalledPlugins', () => {
  it('accepts a backend running the catalog and permission plugins', async () => {
    await expect(
      check(['catalog', 'permission', 'readiness'], permissionEnabled),
    ).resolves.toBeUndefined();
  });

  it('names the missing catalog plugin and how to add it', async () => {
    await expect(check(['readiness', 'permission'])).rejects.toThrow(
      "Readiness needs the catalog backend plugin, which this backend does not run. Add it: yarn --cwd packages/backend add @backstage/plugin-catalog-backend, and backend.add(import('@backstage/plugin-catalog-backend')) in packages/backend/src/index.ts.",
    );
  });

  it('requires the permission plugin when permission.enabled is true', async () => {
    const error = await check(['catalog'], permissionEnabled).catch(e => e);
    expect(error.message).toContain(
      'Readiness needs the permission backend plugin (permission.enabled is true), which this backend does not run.',
    );
    expect(error.message).toContain(
      "yarn --cwd packages/backend add @backstage/plugin-permission-backend, and backend.add(import('@backstage/plugin-permission-backend'))",
    );
    expect(error.message).toContain(
      '@backstage/plugin-permission-backend-module-allow-all-policy',
    );
    expect(error.message).not.toContain('catalog');
  });

  it('does not require the permission plugin when permissions are off', async () => {
    await expect(check(['catalog'])).resolves.toBeUndefined();
    await expect(
      check(['catalog'], { permission: { enabled: false } }),
    ).resolves.toBeUndefined();
  });

  it('names every missing plugin at once', async () => {
    const error = await check([], permissionEnabled).catch(e => e);
    expect(error.message.split('\n')).toEqual([
      expect.stringMatching(/^Readiness needs the catalog backend plugin/),
      expect.stringMatching(/^Readiness needs the permission backend plugin/),
    ]);
  });

  it('accepts a plugin that discovery.endpoints places in another backend', async () => {
    const config = {
      ...permissionEnabled,
      discovery: {
        endpoints: [
          {
            target: 'http://catalog:7007/api/{{pluginId}}',
            plugins: ['catalog'],
          },
          {
            target: { internal: 'http://permission:7007/api/permission' },
            plugins: ['permission'],
          },
        ],
      },
    };
    await expect(check(['readiness'], config)).resolves.toBeUndefined();
  });
});
