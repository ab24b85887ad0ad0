/*
 * The environment of commands in the fresh apps: this repository's Yarn
 * run leaves its own variables and `yarn` on the PATH, which must not leak
 * into another project; CI=true would make Yarn refuse to change the new
 * app's lockfile, which `yarn add` must. `yarn` is Yarn 1 from npx, which
 * hands over to the app's own Yarn release, as on a machine without yarn.
 */
import fs from 'node:fs';
import path from 'node:path';

export function freshAppEnv(workDir: string): NodeJS.ProcessEnv {
  const bin = path.join(workDir, 'bin');
  fs.mkdirSync(bin, { recursive: true });
  fs.writeFileSync(
    path.join(bin, 'yarn'),
    '#!/bin/sh\nexec npx --yes yarn@1 "$@"\n',
    { mode: 0o755 },
  );
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (
      !/^(npm_|BERRY_|YARN_)|^(PROJECT_CWD|INIT_CWD|CI|NODE_OPTIONS)$/.test(key)
    ) {
      env[key] = value;
    }
  }
  const yarnScriptBins = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter(dir => !/xfs-[0-9a-f]+/.test(dir));
  env.PATH = [bin, ...yarnScriptBins].join(path.delimiter);
  return env;
}
