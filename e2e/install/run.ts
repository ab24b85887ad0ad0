/*
 * `yarn test:install`: Readiness installs into anyone's Backstage app.
 * Packs every publishable package, creates fresh apps with create-app
 * (new and legacy frontend systems), follows README.md's "Adding Readiness
 * to an existing Backstage app" in them, starts them and checks in
 * Chromium what a user sees; turns the HTTP collector module on by
 * configuration only; runs the Scaffolder module's actions in a dry run;
 * runs the packed CLI with npx. Prints each step's time.
 * Needs the npm registry and Chromium: without either it fails, saying so.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  assertPortsFree,
  ensureChromium,
  root,
  startApp,
  tail,
  type RunningApp,
} from '../support/appProcess';
import { backendReady, frontendReady } from '../support/backendApi';
import { chromiumPath, ports, timeouts } from '../support/demo';
import { checkCli } from './cliCheck';
import { killRunningCommands, logCommandsTo, run } from './commands';
import { CREATE_APP, createFreshApp } from './freshApp';
import {
  checkLegacyApp,
  checkNewFrontendApp,
  EXAMPLE_ENTITY,
  launchBrowser,
} from './freshAppPages';
import { assertEveryStepFollowed, followGuide } from './followGuide';
import { waitForHttpFactToDecide } from './httpFactCheck';
import { packPackages } from './packPackages';
import { checkScaffolderActions } from './scaffolderCheck';
import { startScopeRegistry } from './scopeRegistry';
import { httpCollectorConfig, startSonarQubeStub } from './sonarQubeStub';
import { freshAppEnv } from './freshAppEnv';
import { claimWorkDir } from './workDir';

const REGISTRY_CHECK_TIMEOUT_MS = 60_000;
const FRONTEND_PORT = 3000;
const HTTP_CHECK = {
  scorecardId: 'code-quality',
  scorecardTitle: 'Code Quality',
  checkId: 'coverage',
  checkTitle: 'Line coverage is at least 80%',
};

const timings: Array<{ step: string; seconds: number }> = [];

async function step<T>(name: string, action: () => T | Promise<T>): Promise<T> {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const result = await action();
  const seconds = (Date.now() - started) / 1000;
  timings.push({ step: name, seconds });
  console.log(`✔ ${name} (${seconds.toFixed(1)} s)`);
  return result;
}

async function assertRegistryReachable(workDir: string) {
  try {
    await run('npm', ['view', CREATE_APP, 'version', '--fetch-retries=1'], {
      cwd: workDir,
      timeoutMs: REGISTRY_CHECK_TIMEOUT_MS,
    });
  } catch (error) {
    throw new Error(
      `cannot reach the npm registry (npm view ${CREATE_APP} failed): test:install creates a fresh app from it and cannot run without it.\n${
        (error as Error).message
      }`,
    );
  }
}

async function startAndWait(
  name: string,
  appDir: string,
  workspace: 'backend' | 'app',
  env: NodeJS.ProcessEnv,
  logFile: string,
) {
  const app = startApp(logFile, {
    command: 'yarn',
    args: ['workspace', workspace, 'start'],
    cwd: appDir,
    env,
  });
  const ready = workspace === 'backend' ? backendReady : frontendReady;
  try {
    await ready({ timeoutMs: timeouts.appStartMs, abort: app.exitReason });
  } catch (error) {
    await app.stop();
    throw new Error(
      `${name} did not start: ${
        (error as Error).message
      }\n--- last lines of ${logFile}:\n${tail(logFile, 40)}`,
    );
  }
  return app;
}

async function main() {
  console.log(`Chromium: ${ensureChromium(chromiumPath)}`);
  const workDir = claimWorkDir();
  const logFile = path.join(workDir, 'commands.log');
  logCommandsTo(logFile);
  console.log(`working in ${workDir} (command output: ${logFile})`);
  await assertRegistryReachable(workDir);
  await assertPortsFree(
    ports,
    'stop it first: the test starts fresh apps there',
  );

  const running: RunningApp[] = [];
  const closers: Array<() => Promise<void>> = [];
  const stopApps = async () => {
    for (const app of running.splice(0)) await app.stop();
  };
  const stopAll = async () => {
    await stopApps();
    for (const close of closers.splice(0)) await close();
  };
  process.on('exit', () => {
    running.forEach(app => app.killNow());
    killRunningCommands();
  });
  // Ctrl-C or a CI cancel: stop the apps (detached, they would keep the
  // ports), then exit, which releases the lock.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n✖ ${signal}: stopping the apps`);
      void stopAll().finally(() => process.exit(1));
    });
  }
  try {
    const packed = await step('pack every publishable package', () =>
      packPackages(root, path.join(workDir, 'packages')),
    );
    const registry = await startScopeRegistry(packed);
    closers.push(registry.close);
    const stub = await startSonarQubeStub();
    closers.push(stub.close);
    const env = freshAppEnv(workDir);

    // One after the other: two npx runs of create-app on a cold npx cache
    // race, one reading the package while the other still unpacks it.
    const [newApp, legacyApp] = await step(
      `create two fresh apps with ${CREATE_APP}`,
      async () => {
        const apps: string[] = [];
        for (const legacy of [false, true]) {
          apps.push(
            await createFreshApp({
              workDir,
              name: legacy ? 'legacy-app' : 'new-app',
              legacy,
              env,
              registryUrl: registry.url,
            }),
          );
        }
        return apps;
      },
    );
    // The legacy check runs the legacy frontend against new-app's backend.
    fs.rmSync(path.join(legacyApp, 'packages', 'backend'), { recursive: true });

    const readme = path.join(root, 'README.md');
    const newSteps = await step(
      'new-app: follow the README (installs the app)',
      () => followGuide(readme, { dir: newApp, env, legacy: false }),
    );
    await step('new-app: configure the HTTP module (configuration only)', () =>
      fs.writeFileSync(
        path.join(newApp, 'app-config.local.yaml'),
        httpCollectorConfig(stub.url, EXAMPLE_ENTITY.name),
      ),
    );
    const backend = await step('new-app: start the backend', () =>
      startAndWait(
        'the backend',
        newApp,
        'backend',
        env,
        path.join(workDir, 'backend.log'),
      ),
    );
    running.push(backend);
    const frontend = await step('new-app: start the frontend', () =>
      startAndWait(
        'the frontend',
        newApp,
        'app',
        env,
        path.join(workDir, 'frontend.log'),
      ),
    );
    running.push(frontend);
    const browser = await launchBrowser();
    closers.push(() => browser.close());
    await step('new-app: an HTTP module fact decides a check', () =>
      waitForHttpFactToDecide({
        entityName: EXAMPLE_ENTITY.name,
        stubRequests: stub.requests,
        ...HTTP_CHECK,
      }),
    );
    // After the HTTP check: the catalog has ingested the example owner.
    await step('new-app: the Scaffolder module in a dry run', () =>
      checkScaffolderActions(),
    );
    await step('new-app: card, tab and leaderboard in Chromium', () =>
      checkNewFrontendApp(browser, HTTP_CHECK),
    );
    await frontend.stop();

    const legacySteps = await step(
      'legacy-app: follow the README (installs the app)',
      () => followGuide(readme, { dir: legacyApp, env, legacy: true }),
    );
    assertEveryStepFollowed(readme, newSteps, legacySteps);
    // The new app's frontend must be gone, or the legacy check would see it.
    await assertPortsFree(
      [FRONTEND_PORT],
      "the new app's frontend did not stop",
    );
    running.push(
      await step('legacy-app: start the frontend', () =>
        startAndWait(
          'the legacy frontend',
          legacyApp,
          'app',
          env,
          path.join(workDir, 'legacy-frontend.log'),
        ),
      ),
    );
    await step('legacy-app: card and tab in Chromium', () =>
      checkLegacyApp(browser),
    );
    await stopApps();

    await step('the packed CLI with npx', async () =>
      checkCli({
        workDir,
        registryUrl: registry.url,
        env,
        version: packed.find(p => p.name === '@readiness/cli')!.manifest
          .version,
        catalogFile: path.join(newApp, 'examples', 'entities.yaml'),
        entityRef: `component:default/${EXAMPLE_ENTITY.name}`,
      }),
    );

    console.log('\nREADME steps followed:');
    for (const [app, steps] of [
      ['new-app', newSteps],
      ['legacy-app', legacySteps],
    ] as const) {
      for (const s of steps) console.log(`  ${app} #${s.step}: ${s.what}`);
    }
    console.log('\nTarballs:');
    for (const p of packed)
      console.log(
        `  ${(p.bytes / 1024).toFixed(0).padStart(5)} KiB  ${path.basename(
          p.tarball,
        )}`,
      );
    fs.rmSync(workDir, { recursive: true, force: true });
  } catch (error) {
    console.error(
      `\n✖ ${(error as Error).message}\n(the apps and logs stay in ${workDir})`,
    );
    process.exitCode = 1;
  } finally {
    await stopAll();
    console.log('\nStep times:');
    for (const t of timings)
      console.log(`  ${t.seconds.toFixed(1).padStart(6)} s  ${t.step}`);
    const total = timings.reduce((sum, t) => sum + t.seconds, 0);
    console.log(`  ${total.toFixed(1).padStart(6)} s  in all`);
  }
}

main().catch(error => {
  console.error(`✖ ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
});
