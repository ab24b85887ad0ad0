import { Config } from '@backstage/config';
import { CustomErrorBase } from '@backstage/errors';
import {
  readBoundedInteger,
  readDurationMs,
} from '@readiness/plugin-readiness-node';
import { HumanDuration } from '@backstage/types';

/**
 * 429 Too Many Requests; `@backstage/errors` has none. Backstage's error
 * middleware answers with an error's `statusCode`, in its usual body.
 */
export class TooManyRequestsError extends CustomErrorBase {
  name = 'TooManyRequestsError';
  readonly statusCode = 429;

  constructor(
    message: string,
    /** Whole seconds, for the `Retry-After` header. */
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** The limits of a {@link CallerRateLimiter}. */
export interface CallerRateLimits {
  /** Requests one caller may start per window. */
  callerLimit: number;
  callerWindowMs: number;
  /** Callers remembered at most. */
  maxTracked: number;
}

/**
 * `<prefix>.callerLimit`, `<prefix>.callerWindow` and `<prefix>.maxTracked`,
 * with the defaults given.
 */
export function readCallerRateLimits(
  config: Config,
  prefix: string,
  defaults: { callerLimit: number; callerWindow: HumanDuration },
): CallerRateLimits {
  const count = (key: string, fallback: number) =>
    readBoundedInteger(config, `${prefix}.${key}`, {
      min: 1,
      max: 1_000_000,
      default: fallback,
    });
  return {
    callerLimit: count('callerLimit', defaults.callerLimit),
    callerWindowMs: readDurationMs(config, `${prefix}.callerWindow`, {
      allowZero: true,
      default: defaults.callerWindow,
    }),
    maxTracked: count('maxTracked', 10_000),
  };
}

/** Whole seconds, at least one, for messages and `Retry-After`. */
export function wholeSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/** Drops the oldest entries of a map kept in expiry order beyond `max`. */
export function trimOldest(map: Map<string, unknown>, max: number): void {
  for (const key of map.keys()) {
    if (map.size <= max) {
      return;
    }
    map.delete(key);
  }
}

/**
 * Counts the requests of each caller in a sliding window, in memory: each
 * backend replica counts its own. Callers are kept in the order their
 * windows expire, so expired ones are dropped from the front; beyond
 * `maxTracked` the oldest go first, which can only let a request through
 * early.
 */
export class CallerRateLimiter {
  /** Caller to the start times of their requests in the window, oldest first. */
  private readonly callerStarts = new Map<string, number[]>();

  constructor(
    private readonly limits: CallerRateLimits,
    /** What is counted, plural, for the refusal: `refreshes`. */
    private readonly what: string,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Throws TooManyRequestsError saying when to try again if the caller
   * started `callerLimit` requests in the window; counts nothing.
   */
  check(caller: string): void {
    this.admit(caller, this.now());
  }

  /** Counts a request of the caller, or throws as {@link check} does. */
  take(caller: string): void {
    const now = this.now();
    const starts = this.admit(caller, now);
    starts.push(now);
    // Re-inserted at the end: the map stays in expiry order.
    this.callerStarts.delete(caller);
    this.callerStarts.set(caller, starts);
    trimOldest(this.callerStarts, this.limits.maxTracked);
  }

  /** How many callers are kept; for tests. */
  get size(): number {
    return this.callerStarts.size;
  }

  /** The caller's starts in the window, or a refusal when they are full. */
  private admit(caller: string, now: number): number[] {
    this.forgetExpired(now);
    const { callerLimit, callerWindowMs } = this.limits;
    const starts = (this.callerStarts.get(caller) ?? []).filter(
      start => start + callerWindowMs > now,
    );
    if (starts.length >= callerLimit) {
      throw new TooManyRequestsError(
        `At most ${callerLimit} ${this.what} per ${wholeSeconds(
          callerWindowMs,
        )} seconds; try again later`,
        wholeSeconds(starts[0] + callerWindowMs - now),
      );
    }
    return starts;
  }

  private forgetExpired(now: number) {
    for (const [caller, starts] of this.callerStarts) {
      if (starts[starts.length - 1] + this.limits.callerWindowMs > now) {
        break;
      }
      this.callerStarts.delete(caller);
    }
  }
}
