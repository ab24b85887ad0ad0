import { describeError } from '@readiness/plugin-readiness-common';
import { CommanderError } from 'commander';
import { Context } from './context';
import {
  BackendError,
  EXIT_OK,
  EXIT_UNAVAILABLE,
  EXIT_USAGE,
  InputError,
} from './errors';
import { createProgram } from './program';

/**
 * Runs the command line `args` (without `node` and the script) and returns
 * the exit code. Never throws: errors are reported on stderr.
 */
export async function run(args: string[], ctx: Context): Promise<number> {
  let exitCode = EXIT_OK;
  const program = createProgram(ctx, code => {
    exitCode = code;
  });
  try {
    await program.parseAsync(args, { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, ctx);
  }
}

function reportError(error: unknown, ctx: Context): number {
  if (error instanceof CommanderError) {
    // Commander has printed the message (or the help) already.
    return error.exitCode === EXIT_OK ? EXIT_OK : EXIT_USAGE;
  }
  if (error instanceof InputError) {
    for (const line of error.details) {
      ctx.stderr(`${line}\n`);
    }
    ctx.stderr(`error: ${error.message}\n`);
  } else if (error instanceof BackendError) {
    ctx.stderr(`error: ${error.message}\n`);
  } else {
    ctx.stderr(
      `error: ${describeError(error)}${
        ctx.debug ? '' : ' (set READINESS_DEBUG=1 for the stack trace)'
      }\n`,
    );
  }
  if (ctx.debug && error instanceof Error && error.stack) {
    ctx.stderr(`${error.stack}\n`);
  }
  return error instanceof BackendError ? EXIT_UNAVAILABLE : EXIT_USAGE;
}
