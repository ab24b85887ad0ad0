/*
 * Running the commands of the install test: output goes to one log file,
 * a failure throws with the command, its folder and the log's last lines,
 * and every command has a time limit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

const DEFAULT_TIMEOUT_MS = 10 * 60_000;
const TAIL_LINES = 40;

export type RunOptions = {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** A shell command line instead of a program and its arguments. */
  shell?: boolean;
};

let logFile: string | undefined;
const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess) {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Kills every command still running, e.g. when the test is interrupted. */
export function killRunningCommands() {
  running.forEach(killGroup);
  running.clear();
}

/** Where command output goes (the console until this is set). */
export function logCommandsTo(file: string) {
  logFile = file;
}

function toLog(chunk: string) {
  if (logFile) {
    fs.appendFileSync(logFile, chunk);
  } else {
    process.stdout.write(chunk);
  }
}

function tail(file: string) {
  const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
  return lines.slice(-TAIL_LINES).join('\n');
}

export type Outcome = {
  /** The exit code, or null when it was killed or could not start. */
  status: number | null;
  stdout: string;
  /** Standard output and error, interleaved as they came. */
  output: string;
  /** Why it failed, or undefined for exit code 0. */
  failure?: string;
};

/**
 * Runs a command to completion, asynchronously, so that the local servers
 * of this process keep answering meanwhile; output also goes to the log.
 */
export async function execute(
  command: string,
  args: string[],
  options: RunOptions,
): Promise<Outcome> {
  const shown = options.shell ? command : [command, ...args].join(' ');
  toLog(`\n$ ${shown}   (in ${options.cwd})\n`);
  const child = spawn(command, options.shell ? [] : args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    shell: options.shell ? '/bin/sh' : undefined,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that a timeout ends the whole chain
    // (sh, npx, Yarn, node-gyp), not only the first process.
    detached: true,
  });
  running.add(child);
  let stdout = '';
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    output += chunk;
    toLog(chunk);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    toLog(chunk);
  });
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(child);
  }, timeoutMs);
  const [status, failure] = await new Promise<[number | null, string?]>(
    resolve => {
      child.once('error', error => resolve([null, error.message]));
      child.once('close', code => {
        if (timedOut) {
          resolve([null, `no end within ${timeoutMs / 1000} s`]);
        } else {
          resolve([code, code === 0 ? undefined : `exit code ${code}`]);
        }
      });
    },
  );
  clearTimeout(timer);
  running.delete(child);
  return { status, stdout, output, failure };
}

/** Runs a command that must succeed; returns its standard output. */
export async function run(
  command: string,
  args: string[],
  options: RunOptions,
): Promise<string> {
  const outcome = await execute(command, args, options);
  if (outcome.failure) {
    const shown = options.shell ? command : [command, ...args].join(' ');
    const log = logFile
      ? `\n--- last lines of ${logFile}:\n${tail(logFile)}`
      : '';
    throw new Error(
      `"${shown}" in ${options.cwd} failed: ${outcome.failure}${log}`,
    );
  }
  return outcome.stdout;
}
