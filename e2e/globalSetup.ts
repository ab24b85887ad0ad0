/*
 * Starts the app once for the whole suite, as `yarn start` does, and stops
 * it (its whole process group) when the suite ends, also on Ctrl-C. Fails at
 * once when :3000 or :7007 is taken, or when the app exits or the backend
 * crashes while starting (with the end of its log).
 */
import path from 'node:path';
import {
  appLog,
  assertPortsFree,
  backendCrash,
  backendRestarts,
  ensureChromium,
  root,
  startApp,
  tail,
} from './support/appProcess';
import { backendReady, frontendReady } from './support/backendApi';
import { chromiumPath, ports, reuseApp, timeouts } from './support/demo';

const REUSED_APP_TIMEOUT_MS = 5000;
const LOG_LINES_ON_FAILURE = 40;

export default async function globalSetup() {
  console.log(`Chromium: ${ensureChromium(chromiumPath)}`);
  if (reuseApp) {
    const options = { timeoutMs: REUSED_APP_TIMEOUT_MS };
    await backendReady(options);
    await frontendReady(options);
    console.log('the running app answers (E2E_REUSE_APP=1)');
    return undefined;
  }

  await assertPortsFree(ports);
  const started = Date.now();
  const app = startApp(appLog);
  const killNow = () => app.killNow();
  process.on('exit', killNow);
  const options = {
    timeoutMs: timeouts.appStartMs,
    abort: () => app.exitReason() ?? backendCrash(appLog),
  };
  const log = path.relative(root, appLog);
  try {
    await backendReady(options);
    await frontendReady(options);
  } catch (error) {
    await app.stop();
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(
      `the app did not start: ${message}\nlast lines of ${log}:\n${tail(
        appLog,
        LOG_LINES_ON_FAILURE,
      )}`,
    );
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`backend and frontend answer after ${seconds} s (log: ${log})`);

  return async () => {
    await app.stop();
    process.off('exit', killNow);
    const restarts = backendRestarts(appLog);
    if (restarts > 0) {
      console.log(
        `! the backend restarted ${restarts} time(s) during the run because files it loaded changed; each restart empties its in-memory database, so tests may have failed because of it`,
      );
    }
  };
}
