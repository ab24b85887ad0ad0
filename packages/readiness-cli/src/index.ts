import { run } from './run';

/**
 * Runs the `readiness` CLI with `process.argv` and sets `process.exitCode`
 * (rather than exiting, so that output piped to another process is flushed).
 *
 * @public
 */
export async function main(argv: string[]): Promise<void> {
  // A reader that stops early (`| head`) is no error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') {
      throw error;
    }
  });
  process.exitCode = await run(argv.slice(2), {
    cwd: process.cwd(),
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text),
    now: new Date(),
    debug: process.env.READINESS_DEBUG === '1',
    env: process.env,
  });
}
