import { createBackendPlugin } from '@backstage/backend-plugin-api';

/**
 * A plugin that does nothing but be installed under this id. It stands in
 * for a peer Readiness requires (catalog, permission) when the backend
 * replaces that peer's service with an in-process mock, so start-up's
 * requireInstalledPlugins check sees the peer as present.
 */
export function standInPlugin(pluginId: string) {
  return createBackendPlugin({
    pluginId,
    register(env) {
      env.registerInit({ deps: {}, async init() {} });
    },
  });
}
