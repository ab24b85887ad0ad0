/**
 * How retries are spaced when the server does not say: exponential, with
 * jitter so that callers who failed together do not retry together.
 *
 * @public
 */
export interface BackoffOptions {
  /** The first retry waits about this long; each next one twice as long. Default 500. */
  initialMs?: number;
  /** No wait is longer. Default: no limit. */
  maxMs?: number;
  /** A number in [0, 1) for the jitter; tests pass a fixed one. Default `Math.random`. */
  random?: () => number;
}

/** The first retry's wait when {@link BackoffOptions} give none. */
export const DEFAULT_BACKOFF_INITIAL_MS = 500;

/**
 * The wait before retry number `retry` (1 for the first): `initialMs`
 * doubled for each earlier retry, times a jitter from ½ to 1, at most
 * `maxMs`.
 *
 * @public
 */
export function backoffDelayMs(
  retry: number,
  options: BackoffOptions = {},
): number {
  const {
    initialMs = DEFAULT_BACKOFF_INITIAL_MS,
    maxMs = Infinity,
    random = Math.random,
  } = options;
  const jitter = 0.5 + random() / 2;
  return Math.min(initialMs * 2 ** (retry - 1) * jitter, maxMs);
}
