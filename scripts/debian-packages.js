// @ts-check
/*
 * Installs the Debian packages the tests need when their binaries are
 * missing: Chromium for the end-to-end run, Prometheus for the Prometheus
 * collector's tests against a real server. As root directly, otherwise
 * through passwordless sudo; a fresh CI machine has neither installed.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');

/** @param {string} command */
function hasCommand(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

/**
 * @param {Array<{ binary: string, pkg: string }>} wanted
 * @returns {string} what was done
 */
function ensureDebianPackages(wanted) {
  const missing = wanted.filter(({ binary }) => !fs.existsSync(binary));
  if (missing.length === 0) {
    return `found ${wanted.map(w => w.binary).join(', ')}`;
  }
  const packages = missing.map(m => m.pkg);
  if (!hasCommand('apt-get')) {
    throw new Error(
      `${missing
        .map(m => m.binary)
        .join(', ')} missing and there is no apt-get: install ${packages.join(
        ' ',
      )}`,
    );
  }
  /** @type {string[]} */
  let prefix = [];
  if (process.getuid && process.getuid() !== 0) {
    if (!hasCommand('sudo')) {
      throw new Error(
        `installing ${packages.join(
          ' ',
        )} needs root, and sudo is not available: run "apt-get install ${packages.join(
          ' ',
        )}" as root`,
      );
    }
    prefix = ['sudo', '-n'];
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['apt-get', 'update'],
    ['apt-get', 'install', '-y', '--no-install-recommends', ...packages],
  ]) {
    const [command, ...rest] = [...prefix, ...args];
    console.log(`  $ ${[command, ...rest].join(' ')}`);
    const { status } = spawnSync(command, rest, { stdio: 'inherit', env });
    if (status !== 0) {
      throw new Error(
        `"${[command, ...rest].join(' ')}" exited with ${status}`,
      );
    }
  }
  const stillMissing = missing.filter(({ binary }) => !fs.existsSync(binary));
  if (stillMissing.length > 0) {
    throw new Error(
      `apt-get ran but ${stillMissing
        .map(m => m.binary)
        .join(', ')} is missing`,
    );
  }
  return `installed ${packages.join(', ')} with apt-get`;
}

/** What the test command needs from Debian. */
const TEST_PACKAGES = [
  { binary: '/usr/bin/chromium', pkg: 'chromium' },
  { binary: '/usr/bin/prometheus', pkg: 'prometheus' },
];

module.exports = { ensureDebianPackages, TEST_PACKAGES };

if (require.main === module) {
  try {
    console.log(ensureDebianPackages(TEST_PACKAGES));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
