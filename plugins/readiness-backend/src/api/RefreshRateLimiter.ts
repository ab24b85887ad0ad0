import { Config } from '@backstage/config';
import { readDurationMs } from '@readiness/plugin-readiness-node';
import {
  CallerRateLimiter,
  CallerRateLimits,
  readCallerRateLimits,
  TooManyRequestsError,
  trimOldest,
  wholeSeconds,
} from './CallerRateLimiter';

/** The limits of {@link RefreshRateLimiter}. */
export interface RefreshRateLimits extends CallerRateLimits {
  /** Time between two refreshes of one entity by one caller. */
  entityIntervalMs: number;
}

/** `readiness.refresh.*`, with their defaults. */
export function readRefreshRateLimits(config: Config): RefreshRateLimits {
  return {
    entityIntervalMs: readDurationMs(
      config,
      'readiness.refresh.entityInterval',
      { allowZero: true, default: { minutes: 1 } },
    ),
    ...readCallerRateLimits(config, 'readiness.refresh', {
      callerLimit: 30,
      callerWindow: { minutes: 10 },
    }),
  };
}

/**
 * Counts refreshes per caller (a {@link CallerRateLimiter}) and per caller
 * and entity, in memory: each backend replica counts its own. Caller-entity
 * pairs are kept in the order they expire, as the callers are.
 */
export class RefreshRateLimiter {
  /** `caller \n entityRef` to when the caller may refresh it again. */
  private readonly entityNextAllowed = new Map<string, number>();
  private readonly callers: CallerRateLimiter;

  constructor(
    private readonly limits: RefreshRateLimits,
    private readonly now: () => number = Date.now,
  ) {
    this.callers = new CallerRateLimiter(limits, 'refreshes', now);
  }

  /**
   * Counts a refresh of the entity by the caller, or throws
   * TooManyRequestsError saying when to try again.
   */
  take(caller: string, entityRef: string): void {
    const now = this.now();
    this.forgetExpired(now);
    const { entityIntervalMs } = this.limits;

    const entityKey = `${caller}\n${entityRef}`;
    const entityAllowedAt = this.entityNextAllowed.get(entityKey);
    if (entityAllowedAt !== undefined && entityAllowedAt > now) {
      throw new TooManyRequestsError(
        `${entityRef} was refreshed less than ${wholeSeconds(
          entityIntervalMs,
        )} seconds ago; try again later`,
        wholeSeconds(entityAllowedAt - now),
      );
    }
    this.callers.take(caller);

    // Re-inserted at the end: the map stays in expiry order.
    this.entityNextAllowed.delete(entityKey);
    this.entityNextAllowed.set(entityKey, now + entityIntervalMs);
    trimOldest(this.entityNextAllowed, this.limits.maxTracked);
  }

  /** How many entries are kept; for tests. */
  get size(): number {
    return this.entityNextAllowed.size + this.callers.size;
  }

  private forgetExpired(now: number) {
    for (const [key, allowedAt] of this.entityNextAllowed) {
      if (allowedAt > now) {
        break;
      }
      this.entityNextAllowed.delete(key);
    }
  }
}
