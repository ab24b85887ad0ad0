/*
 * The machine side of the end-to-end suite: Chromium, free ports, and the
 * app started the way `yarn start` starts it, in its own process group.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const root = path.resolve(__dirname, '..', '..');
/** The app's output during a run (ignored by git). */
export const appLog = path.join(root, 'e2e', 'app.log');

const CONNECT_TIMEOUT_MS = 1000;
const STOP_GRACE_MS = 10_000;
const STOP_POLL_MS = 200;
const RESTART_MARKER = 'Change detected, restarting';

type DebianPackages = {
  ensureDebianPackages(wanted: Array<{ binary: string; pkg: string }>): string;
};

/**
 * Installs Debian's Chromium when the browser is missing, unless
 * CHROMIUM_PATH names another browser.
 *
 * @returns what was done
 */
export function ensureChromium(executable: string): string {
  if (process.env.CHROMIUM_PATH && !fs.existsSync(executable)) {
    throw new Error(`CHROMIUM_PATH=${executable} does not exist`);
  }
  const { ensureDebianPackages }: DebianPackages = require(path.join(
    root,
    'scripts',
    'debian-packages',
  ));
  return ensureDebianPackages([{ binary: executable, pkg: 'chromium' }]);
}

/** Whether anything accepts connections on the port, over IPv4 or IPv6. */
async function portInUse(port: number) {
  const attempt = (host: string) =>
    new Promise<boolean>(resolve => {
      const socket = net.connect({ host, port });
      socket.setTimeout(CONNECT_TIMEOUT_MS);
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

export async function assertPortsFree(
  ports: number[],
  hint = 'stop it first (or set E2E_REUSE_APP=1 to test it), the suite starts its own',
) {
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
      )} already in use: another app (yarn start?) is running; ${hint}`,
    );
  }
}

export type RunningApp = ReturnType<typeof startApp>;

/** A command to start instead of this repository's `yarn start`. */
export type AppCommand = {
  command: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
};

/**
 * Starts `backstage-cli repo start` (the root `start` script), or another
 * app's command, in its own process group, output to the log file.
 */
export function startApp(logFile: string, app?: AppCommand) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, 'w');
  const { command, args, cwd, env } = app ?? {
    command: process.execPath,
    args: [
      require.resolve('@backstage/cli/bin/backstage-cli', { paths: [root] }),
      'repo',
      'start',
    ],
    cwd: root,
  };
  const child = spawn(command, args, {
    cwd,
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...(env ?? process.env), BROWSER: 'none', FORCE_COLOR: '0' },
  });
  fs.closeSync(log);
  let exited = false;
  // Set once the group is known to be gone, so that its id, which the
  // system may hand out again, is never signalled after that.
  let gone = false;
  let exitCode: number | null = null;
  child.once('exit', code => {
    exited = true;
    exitCode = code;
  });
  const alive = (group: number) => {
    try {
      process.kill(group, 0);
      return true;
    } catch {
      return false;
    }
  };

  return {
    pid: child.pid,
    /** Why the app is gone, or undefined while it runs. */
    exitReason: () =>
      exited ? `the app exited with code ${exitCode}` : undefined,
    /** Stops the whole process group: TERM, then KILL after a grace time. */
    async stop() {
      if (child.pid === undefined || gone) {
        return;
      }
      const group = -child.pid;
      if (!alive(group)) {
        gone = true;
        return;
      }
      try {
        process.kill(group, 'SIGTERM');
      } catch {
        gone = true;
        return;
      }
      const deadline = Date.now() + STOP_GRACE_MS;
      while (alive(group) && Date.now() < deadline) {
        await new Promise(r => setTimeout(r, STOP_POLL_MS));
      }
      if (alive(group)) {
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

/** The last lines of a file, for failure messages. */
export function tail(file: string, lines: number) {
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
 */
export function backendRestarts(logFile: string) {
  try {
    const log = fs.readFileSync(logFile, 'utf8');
    return log.split(RESTART_MARKER).length - 1;
  } catch {
    return 0;
  }
}

/**
 * Why the backend is down, when it crashed since it last (re)started: Node
 * prints its version after an uncaught error, and `backstage-cli` then waits
 * for a file to change instead of exiting.
 */
export function backendCrash(logFile: string): string | undefined {
  let log;
  try {
    log = fs.readFileSync(logFile, 'utf8');
  } catch {
    return undefined;
  }
  const sinceStart = log.split(RESTART_MARKER).pop() ?? '';
  const crash = sinceStart.search(/^Node\.js v\d+\.\d+\.\d+$/m);
  if (crash < 0) {
    return undefined;
  }
  const error = sinceStart
    .slice(0, crash)
    .match(/^\s*(?:\w+ )?(?:\w*Error|Error \[\w+\])\b.*$/m);
  return `the backend crashed${error ? `: ${error[0].trim()}` : ''}`;
}
