#!/usr/bin/env node
/*
 * Runs the Yarn release this repository is on (`.yarnrc.yml` points here).
 * The release is not committed: the first run fetches the package
 * @yarnpkg/cli-dist at that version with `npm pack`, which uses npm's own
 * registry settings, and keeps its single-file build under .yarn/releases
 * (ignored by git). Later runs load the kept file directly.
 */
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const VERSION = '4.13.0';
const release = path.join(__dirname, '..', 'releases', `yarn-${VERSION}.cjs`);

function fetchRelease() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yarn-release-'));
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const tarball = execFileSync(
      npm,
      ['pack', `@yarnpkg/cli-dist@${VERSION}`, '--silent'],
      { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    )
      .trim()
      .split('\n')
      .pop();
    execFileSync('tar', ['-xzf', tarball, 'package/bin/yarn.js'], {
      cwd: work,
      stdio: 'inherit',
    });
    fs.mkdirSync(path.dirname(release), { recursive: true });
    // Written whole, then renamed: a concurrent run never loads half a file.
    const partial = `${release}.${process.pid}.partial`;
    fs.copyFileSync(path.join(work, 'package', 'bin', 'yarn.js'), partial);
    fs.renameSync(partial, release);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (!fs.existsSync(release)) {
  process.stderr.write(`Fetching Yarn ${VERSION} (once)…\n`);
  fetchRelease();
}
require(release);
