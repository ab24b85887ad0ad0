import { Config } from '@backstage/config';
import { CustomErrorBase } from '@backstage/errors';
import {
  readBoundedInteger,
  readDurationMs,
} from '@readiness/plugin-readiness-node';

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

/** The limits of {@link RefreshRateLimiter}. */
export interface RefreshRateLimits {
  /** Time between two refreshes of one entity by one caller. */
  entityIntervalMs: number;
  /** Refreshes one caller may start per window, over all entities. */
  callerLimit: number;
  callerWindowMs: number;
  /** Callers, and caller-entity pairs, remembered at most. */
  maxTracked: number;
}

/** `readiness.refresh.*`, with their defaults. */
export function readRefreshRateLimits(config: Config): RefreshRateLimits {
  const count = (key: string, fallback: number) =>
    readBoundedInteger(config, `readiness.refresh.${key}`, {
      min: 1,
      max: 1_000_000,
      default: fallback,
    });
  return {
    entityIntervalMs: readDurationMs(
      config,
      'readiness.refresh.entityInterval',
      { allowZero: true, default: { minutes: 1 } },
    ),
    callerLimit: count('callerLimit', 30),
    callerWindowMs: readDurationMs(config, 'readiness.refresh.callerWindow', {
      allowZero: true,
      default: { minutes: 10 },
    }),
    maxTracked: count('maxTracked', 10_000),
  };
}

/**
 * Counts refreshes per caller and per caller and entity, in memory: each
 * backend replica counts its own. Both maps keep their entries in the order
 * they expire, so expired ones are dropped from the front; beyond
 * `maxTracked` the oldest go first, which can only let a refresh through
 * early.
 */
export class RefreshRateLimiter {
  /** `caller \n entityRef` to when the caller may refresh it again. */
  private readonly entityNextAllowed = new Map<string, number>();
  /** Caller to the start times of their refreshes in the window, oldest first. */
  private readonly callerStarts = new Map<string, number[]>();

  constructor(
    private readonly limits: RefreshRateLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Counts a refresh of the entity by the caller, or throws
   * TooManyRequestsError saying when to try again.
   */
  take(caller: string, entityRef: string): void {
    const now = this.now();
    this.forgetExpired(now);
    const { entityIntervalMs, callerLimit, callerWindowMs } = this.limits;

    const entityKey = `${caller}\n${entityRef}`;
    const entityAllowedAt = this.entityNextAllowed.get(entityKey);
    if (entityAllowedAt !== undefined && entityAllowedAt > now) {
      throw new TooManyRequestsError(
        `${entityRef} was refreshed less than ${seconds(
          entityIntervalMs,
        )} seconds ago; try again later`,
        seconds(entityAllowedAt - now),
      );
    }
    const starts = (this.callerStarts.get(caller) ?? []).filter(
      start => start + callerWindowMs > now,
    );
    if (starts.length >= callerLimit) {
      throw new TooManyRequestsError(
        `At most ${callerLimit} refreshes per ${seconds(
          callerWindowMs,
        )} seconds; try again later`,
        seconds(starts[0] + callerWindowMs - now),
      );
    }

    starts.push(now);
    // Re-inserted at the end: the maps stay in expiry order.
    this.callerStarts.delete(caller);
    this.callerStarts.set(caller, starts);
    this.entityNextAllowed.delete(entityKey);
    this.entityNextAllowed.set(entityKey, now + entityIntervalMs);
    trim(this.entityNextAllowed, this.limits.maxTracked);
    trim(this.callerStarts, this.limits.maxTracked);
  }

  /** How many entries are kept; for tests. */
  get size(): number {
    return this.entityNextAllowed.size + this.callerStarts.size;
  }

  private forgetExpired(now: number) {
    for (const [key, allowedAt] of this.entityNextAllowed) {
      if (allowedAt > now) {
        break;
      }
      this.entityNextAllowed.delete(key);
    }
    for (const [caller, starts] of this.callerStarts) {
      if (starts[starts.length - 1] + this.limits.callerWindowMs > now) {
        break;
      }
      this.callerStarts.delete(caller);
    }
  }
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/** Drops the oldest entries beyond `max`. */
function trim(map: Map<string, unknown>, max: number) {
  for (const key of map.keys()) {
    if (map.size <= max) {
      return;
    }
    map.delete(key);
  }
}
