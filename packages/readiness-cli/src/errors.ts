import { describeError } from '@readiness/plugin-readiness-common';

/** The exit codes, as documented in `readiness --help`. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_UNAVAILABLE = 3;

/**
 * A mistake in the command line or in the files it names: reported as one
 * line (after the `details` lines, e.g. scorecard problems), never with a
 * stack trace unless `READINESS_DEBUG=1`, and exit code 2.
 */
export class InputError extends Error {
  readonly details: string[];

  constructor(message: string, details: string[] = []) {
    super(message);
    this.name = 'InputError';
    this.details = details;
  }
}

/**
 * The Readiness backend could not be reached, did not answer in time, or
 * refused the request for another reason than its content (a 401, a 403, a
 * 5xx): exit code 3, so that a pipeline can tell it from a mistake of its
 * own (a 400 is an `InputError`).
 */
export class BackendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackendError';
  }
}

const FS_REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many symbolic links',
};

/** An `InputError` for a file system error on `path`, in plain words. */
export function fileError(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException)?.code;
  const reason = (code && FS_REASONS[code]) ?? describeError(error);
  return new InputError(`cannot read ${path}: ${reason}`);
}
