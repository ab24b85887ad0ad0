/**
 * What a command needs from its surroundings, passed in so that commands run
 * in tests without spawning processes or touching the real console.
 */
export interface Context {
  /** The directory that relative paths on the command line are resolved in. */
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** The evaluation time, which every fact is observed at. */
  now: Date;
  /** Print stack traces of errors (`READINESS_DEBUG=1`). */
  debug: boolean;
  /** Environment variables, e.g. `READINESS_TOKEN`; none when not given. */
  env?: Record<string, string | undefined>;
}
