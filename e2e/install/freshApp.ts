/*
 * A fresh Backstage app as `@backstage/create-app` makes it, with only the
 * fixes that README.md's "A fresh app on Node.js 20" section tells every
 * user on such a machine to apply, plus the one thing that stands in for
 * publishing: Yarn takes the @readiness scope from the local registry.
 */
import fs from 'node:fs';
import path from 'node:path';
import { run } from './commands';

export const CREATE_APP = '@backstage/create-app@0.9.2';
/** create-app checks for 22 or 24; the app it makes runs on 20. */
const NODE_VERSION_SHOWN_TO_CREATE_APP = '22.12.0';

export type FreshAppOptions = {
  workDir: string;
  name: string;
  legacy: boolean;
  /** Environment for commands in the app: a `yarn` on the PATH. */
  env: NodeJS.ProcessEnv;
  registryUrl: string;
};

/** README fix 1: create-app on Node.js 20, with a `yarn` on the PATH. */
async function createApp(options: FreshAppOptions, appDir: string) {
  const preload = path.join(options.workDir, 'node22.cjs');
  fs.writeFileSync(
    preload,
    `Object.defineProperty(process.versions, 'node', { value: '${NODE_VERSION_SHOWN_TO_CREATE_APP}' });\n`,
  );
  await run(
    'npx',
    [
      '--yes',
      CREATE_APP,
      ...(options.legacy ? ['--legacy'] : []),
      '--skip-install',
      '--path',
      appDir,
    ],
    {
      cwd: options.workDir,
      env: {
        ...options.env,
        NODE_OPTIONS: `-r ${preload}`,
        BACKSTAGE_APP_NAME: options.name,
      },
      timeoutMs: 3 * 60_000,
    },
  );
}

/**
 * README fix 2: native modules build against the headers installed with
 * the Node.js that runs this (`include/node` under its prefix).
 */
function pointNativeBuildsAtNodeHeaders(appDir: string) {
  const prefix = path.dirname(path.dirname(process.execPath));
  fs.writeFileSync(
    path.join(appDir, '.env.yarn'),
    `npm_config_nodedir=${prefix}\n`,
  );
}

/** README fix 3: a backend-defaults that can start the signals plugin. */
function useBackendDefaultsWithWebSockets(appDir: string) {
  const file = path.join(appDir, 'packages', 'backend', 'package.json');
  if (!fs.existsSync(file)) {
    return;
  }
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  manifest.dependencies['@backstage/backend-defaults'] = '^0.19.0';
  fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * Stands in for the packages being on npm: the @readiness scope comes from
 * the local registry (plain HTTP on loopback). The age gate exception is
 * what README.md tells users to add in a release's first three days.
 */
function takeReadinessFromRegistry(options: FreshAppOptions, appDir: string) {
  const file = path.join(appDir, '.yarnrc.yml');
  const original = fs.readFileSync(file, 'utf8');
  if (!/npmPreapprovedPackages:\n(\s+- .*\n)*/.test(original)) {
    throw new Error(
      `${file} has no npmPreapprovedPackages list: create-app changed, update README.md's age gate note`,
    );
  }
  const updated = original.replace(
    /npmPreapprovedPackages:\n/,
    "npmPreapprovedPackages:\n  - '@readiness/*'\n",
  );
  fs.writeFileSync(
    file,
    `${updated}\nnpmScopes:\n  readiness:\n    npmRegistryServer: '${options.registryUrl}'\nunsafeHttpWhitelist:\n  - '127.0.0.1'\n`,
  );
}

/**
 * Yarn's global cache keeps a tarball by name and version: drop the
 * @readiness ones so that this run installs what it just packed.
 */
async function forgetCachedReadinessPackages(
  options: FreshAppOptions,
  appDir: string,
) {
  const cacheFolder = (
    await run('yarn', ['config', 'get', 'cacheFolder'], {
      cwd: appDir,
      env: options.env,
    })
  ).trim();
  if (!fs.existsSync(cacheFolder)) {
    return;
  }
  for (const file of fs.readdirSync(cacheFolder)) {
    if (file.startsWith('@readiness-')) {
      fs.rmSync(path.join(cacheFolder, file), { force: true });
    }
  }
}

export async function createFreshApp(options: FreshAppOptions) {
  const appDir = path.join(options.workDir, options.name);
  await createApp(options, appDir);
  pointNativeBuildsAtNodeHeaders(appDir);
  useBackendDefaultsWithWebSockets(appDir);
  takeReadinessFromRegistry(options, appDir);
  await forgetCachedReadinessPackages(options, appDir);
  return appDir;
}
