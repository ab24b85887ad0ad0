#!/usr/bin/env node
/*
 * Makes sure better-sqlite3 (the database of `yarn start` and the tests)
 * loads in the Node.js that runs the install.
 *
 * Offline machines build it from source, and .env.yarn points node-gyp at the
 * system Node's headers. When the install runs under another Node.js (say 22
 * from nvm), that build loads with "NODE_MODULE_VERSION" errors only at run
 * time; here it is rebuilt against the running Node's own headers instead, or
 * the install stops with a message saying what to do.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const MODULE = 'better-sqlite3';

function loads() {
  const result = spawnSync(
    process.execPath,
    ['-e', `require(${JSON.stringify(MODULE)})(':memory:').close()`],
    { encoding: 'utf8' },
  );
  return { ok: result.status === 0, error: result.stderr.trim() };
}

/** The Node.js install prefix, when it ships its headers (official builds do). */
function runningNodeDir() {
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  return fs.existsSync(path.join(prefix, 'include', 'node', 'common.gypi'))
    ? prefix
    : undefined;
}

function rebuild(nodedir) {
  const moduleDir = path.dirname(require.resolve(`${MODULE}/package.json`));
  const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
  const args = [nodeGyp, 'rebuild', '--release'];
  if (nodedir) {
    args.push(`--nodedir=${nodedir}`);
  }
  const env = { ...process.env };
  delete env.npm_config_nodedir;
  return (
    spawnSync(process.execPath, args, {
      cwd: moduleDir,
      env,
      stdio: 'inherit',
    }).status === 0
  );
}

const first = loads();
if (!first.ok) {
  const nodedir = runningNodeDir();
  console.log(
    `${MODULE} does not load in Node.js ${
      process.version
    }; rebuilding it against ${
      nodedir ? `the headers in ${nodedir}` : 'downloaded headers'
    }`,
  );
  if (!rebuild(nodedir) || !loads().ok) {
    console.error(
      `${MODULE} cannot be built for Node.js ${process.version}:\n${first.error}\n` +
        'Set npm_config_nodedir to the directory of this Node.js that contains include/node, then install again.',
    );
    process.exit(1);
  }
}
