import {
  RootConfigService,
  RootInstanceMetadataService,
} from '@backstage/backend-plugin-api';

/** A backend plugin Readiness cannot work without, and how to add it. */
interface RequiredPlugin {
  pluginId: string;
  packageName: string;
  /** When Readiness needs it, said after "Readiness needs the … plugin". */
  when?: string;
  /** Said after the two steps that add the package. */
  alsoAdd?: string;
  isRequired(config: RootConfigService): boolean;
}

const REQUIRED_PLUGINS: RequiredPlugin[] = [
  {
    pluginId: 'catalog',
    packageName: '@backstage/plugin-catalog-backend',
    isRequired: () => true,
  },
  {
    pluginId: 'permission',
    packageName: '@backstage/plugin-permission-backend',
    when: '(permission.enabled is true)',
    alsoAdd:
      'and a policy module, such as @backstage/plugin-permission-backend-module-allow-all-policy or your own',
    isRequired: config =>
      config.getOptionalBoolean('permission.enabled') ?? false,
  },
];

/** Plugins that discovery.endpoints says run in another backend. */
function pluginsRunElsewhere(config: RootConfigService): string[] {
  return (config.getOptionalConfigArray('discovery.endpoints') ?? []).flatMap(
    endpoint => endpoint.getOptionalStringArray('plugins') ?? [],
  );
}

function describeMissing(plugin: RequiredPlugin): string {
  const add = `backend.add(import('${plugin.packageName}'))`;
  return [
    `Readiness needs the ${plugin.pluginId} backend plugin`,
    plugin.when ? ` ${plugin.when}` : '',
    ', which this backend does not run. Add it: ',
    `yarn --cwd packages/backend add ${plugin.packageName}, and ${add}`,
    ' in packages/backend/src/index.ts',
    plugin.alsoAdd ? `, ${plugin.alsoAdd}` : '',
    `. If it runs in another backend, list '${plugin.pluginId}' under discovery.endpoints.`,
  ].join('');
}

/**
 * Fails Readiness' start-up, naming what to add, when a plugin it calls
 * through a service client is missing, instead of every call failing later.
 * Works during init: the backend lists its plugins before any of them starts.
 */
export async function requireInstalledPlugins(options: {
  config: RootConfigService;
  instanceMetadata: RootInstanceMetadataService;
}): Promise<void> {
  const { config, instanceMetadata } = options;
  const available = new Set([
    ...(await instanceMetadata.getInstalledPlugins()).map(p => p.pluginId),
    ...pluginsRunElsewhere(config),
  ]);
  const missing = REQUIRED_PLUGINS.filter(
    plugin => plugin.isRequired(config) && !available.has(plugin.pluginId),
  );
  if (missing.length > 0) {
    throw new Error(missing.map(describeMissing).join('\n'));
  }
}
