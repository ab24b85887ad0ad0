// @ts-check
/*
 * The machine side of the end-to-end run: Chromium, free ports, and the app
 * started the way `yarn start` starts it, in its own process group.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { ensureDebianPackages } = require('../scripts/debian-packages');

const root = path.resolve(__dirname, '..');

/**
 * Installs Debian's Chromium when the browser is missing, unless
 * CHROMIUM_PATH names another browser.
 *
 * @param {string} executable
 * @returns {string} what was done, for the step's line
 */
function ensureChromium(executable) {
  if (process.env.CHROMIUM_PATH && !fs.existsSync(executable)) {
    throw new Error(`CHROMIUM_PATH=${executable} does not exist`);
  }
  return ensureDebianPackages([{ binary: executable, pkg: 'chromium' }]);
}

/**
 * Whether anything accepts connections on the port, over IPv4 or IPv6.
 *
 * @param {number} port
 */
async function portInUse(port) {
  const attempt = (/** @type {string} */ host) =>
    new Promise(resolve => {
      const socket = net.connect({ host, port });
      socket.setTimeout(1000);
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(false));
    });
  const answers = await Promise.all([attempt('127.0.0.1'), attempt('::1')]);
  return answers.some(Boolean);
}

/** @param {number[]} ports */
async function assertPortsFree(ports) {
  const busy = [];
  for (const port of ports) {
    if (await portInUse(port)) {
      busy.push(port);
    }
  }
  if (busy.length > 0) {
    throw new Error(
      `port ${busy.join(
        ' and ',
      )} already in use: another app (yarn start?) is running; stop it first, the run starts its own`,
    );
  }
  return `${ports.join(' and ')} free`;
}

/**
 * Starts `backstage-cli repo start` (the root `start` script) in its own
 * process group, output to the log file.
 *
 * @param {string} logFile
 */
function startApp(logFile) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, 'w');
  const cli = require.resolve('@backstage/cli/bin/backstage-cli', {
    paths: [root],
  });
  const child = spawn(process.execPath, [cli, 'repo', 'start'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, BROWSER: 'none', FORCE_COLOR: '0' },
  });
  fs.closeSync(log);
  let exited = false;
  // Set once the group is known to be gone, so that its id, which the
  // system may hand out again, is never signalled after that.
  let gone = false;
  /** @type {number | null} */
  let exitCode = null;
  child.once('exit', code => {
    exited = true;
    exitCode = code;
  });

  return {
    pid: child.pid,
    /** Why the app is gone, or undefined while it runs. */
    exitReason: () =>
      exited ? `the app exited with code ${exitCode}` : undefined,
    /** Stops the whole process group: TERM, then KILL after 10 s. */
    async stop() {
      if (child.pid === undefined || gone) {
        return;
      }
      const group = -child.pid;
      const alive = () => {
        try {
          process.kill(group, 0);
          return true;
        } catch {
          return false;
        }
      };
      if (!alive()) {
        gone = true;
        return;
      }
      try {
        process.kill(group, 'SIGTERM');
      } catch {
        gone = true;
        return;
      }
      const deadline = Date.now() + 10_000;
      while (alive() && Date.now() < deadline) {
        await new Promise(r => setTimeout(r, 200));
      }
      if (alive()) {
        try {
          process.kill(group, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      gone = true;
    },
    /** Kills the group at once, for process exit handlers. */
    killNow() {
      if (child.pid !== undefined && !gone) {
        gone = true;
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    },
  };
}

/**
 * Polls until check() returns a truthy value, or fails after timeoutMs with
 * the last thing it saw.
 *
 * @template T
 * @param {string} what
 * @param {() => Promise<T | undefined | false>} check
 * @param {{ timeoutMs: number, intervalMs?: number, abort?: () => string | undefined }} options
 * @returns {Promise<T>}
 */
async function waitFor(what, check, options) {
  const deadline = Date.now() + options.timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    const aborted = options.abort?.();
    if (aborted) {
      throw new Error(`${what}: ${aborted}`);
    }
    try {
      const value = await check();
      if (value) {
        return value;
      }
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${what}: not within ${options.timeoutMs / 1000} s (last: ${last})`,
      );
    }
    await new Promise(r => setTimeout(r, options.intervalMs ?? 1000));
  }
}

/**
 * GETs a URL with a timeout and returns the response, or throws.
 *
 * @param {string} url
 * @param {RequestInit} [init]
 */
async function fetchWithTimeout(url, init = {}) {
  return fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
}

/**
 * A guest user's token, as the sign-in page gets it.
 *
 * @param {string} backendUrl
 */
async function guestToken(backendUrl) {
  const response = await fetchWithTimeout(
    `${backendUrl}/api/auth/guest/refresh`,
    { method: 'POST', headers: { 'x-requested-with': 'XMLHttpRequest' } },
  );
  if (!response.ok) {
    throw new Error(`guest sign-in answered ${response.status}`);
  }
  const body = await response.json();
  const token = body?.backstageIdentity?.token;
  if (typeof token !== 'string') {
    throw new Error('guest sign-in answered without a token');
  }
  return token;
}

/**
 * The last lines of a file, for failure messages.
 *
 * @param {string} file
 * @param {number} lines
 */
function tail(file, lines) {
  try {
    return fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .slice(-lines - 1)
      .join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * How often the backend restarted: `backstage-cli` restarts it when a file
 * it loaded changes, and its in-memory database starts over.
 *
 * @param {string} logFile
 */
function backendRestarts(logFile) {
  try {
    const log = fs.readFileSync(logFile, 'utf8');
    return log.split('Change detected, restarting').length - 1;
  } catch {
    return 0;
  }
}

/**
 * Why the backend is down, when it crashed since it last (re)started: Node
 * prints its version after an uncaught error, and `backstage-cli` then waits
 * for a file to change instead of exiting.
 *
 * @param {string} logFile
 * @returns {string | undefined}
 */
function backendCrash(logFile) {
  let log;
  try {
    log = fs.readFileSync(logFile, 'utf8');
  } catch {
    return undefined;
  }
  const sinceStart = log.split('Change detected, restarting').pop() ?? '';
  const crash = sinceStart.search(/^Node\.js v\d+\.\d+\.\d+$/m);
  if (crash < 0) {
    return undefined;
  }
  const error = sinceStart
    .slice(0, crash)
    .match(/^\s*(?:\w+ )?(?:\w*Error|Error \[\w+\])\b.*$/m);
  return `the backend crashed${error ? `: ${error[0].trim()}` : ''}`;
}

module.exports = {
  backendCrash,
  backendRestarts,
  root,
  ensureChromium,
  assertPortsFree,
  startApp,
  waitFor,
  fetchWithTimeout,
  guestToken,
  tail,
};
