#!/usr/bin/env node
/*
 * Every check the project has, as the README's test command and CI run it:
 * the Debian packages tests need (Chromium, Prometheus), type check, API
 * reports of the published plugins, lint, formatting, all Jest suites with
 * the store tests on SQLite, PostgreSQL and MySQL/MariaDB, a build of every
 * package, the end-to-end suite in Chromium (Playwright, e2e/: starts the
 * app on :3000 and :7007), then the packed packages installed into fresh
 * Backstage apps by the README's steps (e2e/install/).
 */
const { spawnSync } = require('node:child_process');
const { prepareTestDatabases } = require('./test-databases');

const steps = [
  ['Chromium and Prometheus', 'node', ['scripts/debian-packages.js']],
  ['type check', 'yarn', ['tsc']],
  ['API reports', 'yarn', ['test:api-reports']],
  ['lint', 'yarn', ['lint:all']],
  ['formatting', 'yarn', ['prettier:check']],
  ['unit and integration tests', 'yarn', ['backstage-cli', 'repo', 'test']],
  ['build of every package', 'yarn', ['build:all']],
  ['end-to-end in Chromium', 'yarn', ['test:e2e']],
  // Packs what the build step above built (e2e/install/packPackages.ts).
  [
    'install into fresh Backstage apps',
    'yarn',
    ['test:install'],
    { READINESS_PACKAGES_BUILT: '1' },
  ],
];

async function main() {
  // Jest watches for changes unless CI is set.
  const env = await prepareTestDatabases({ ...process.env, CI: 'true' });
  const outcomes = steps.map(([title, command, args, stepEnv = {}]) => {
    console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
    const started = Date.now();
    const { status } = spawnSync(command, args, {
      stdio: 'inherit',
      env: { ...env, ...stepEnv },
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`${status === 0 ? '✔' : '✖'} ${title} (${seconds} s)`);
    return { title, ok: status === 0 };
  });
  const failed = outcomes.filter(o => !o.ok);
  for (const { title } of failed) {
    console.error(`failed: ${title}`);
  }
  console.log(
    `steps: ${outcomes.length - failed.length} passed, ${failed.length} failed`,
  );
  process.exitCode = failed.length > 0 ? 1 : 0;
}

main().catch(error => {
  console.error(error.message);
  process.exitCode = 1;
});
