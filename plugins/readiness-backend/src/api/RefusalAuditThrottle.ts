import { trimOldest } from './CallerRateLimiter';

/** The limits of a {@link RefusalAuditThrottle}. */
export interface RefusalAuditLimits {
  /** One refusal of a caller is audited per window at most. */
  windowMs: number;
  /** Callers remembered at most. */
  maxTracked: number;
}

/**
 * Which of a caller's refusals go to the audit log: the first, then at most
 * one per window, each counting those left out since the one before. A
 * caller refused over and over (429s) then costs one audit event per window,
 * and the log still shows how many attempts there were. In memory, per
 * replica; beyond `maxTracked` the callers audited longest ago are
 * forgotten, which can only audit one early.
 */
export class RefusalAuditThrottle {
  /** Caller to their last audited refusal, in the order they were audited. */
  private readonly callers = new Map<
    string,
    { auditedAt: number; leftOut: number }
  >();

  constructor(
    private readonly limits: RefusalAuditLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Counts a refusal of the caller. When it is to be audited, the number of
   * the caller's refusals left out since the last audited one; otherwise
   * undefined.
   */
  admit(caller: string): number | undefined {
    const now = this.now();
    const last = this.callers.get(caller);
    if (last && now - last.auditedAt < this.limits.windowMs) {
      last.leftOut += 1;
      return undefined;
    }
    // Re-inserted at the end: the map stays in the order of audits.
    this.callers.delete(caller);
    this.callers.set(caller, { auditedAt: now, leftOut: 0 });
    trimOldest(this.callers, this.limits.maxTracked);
    return last?.leftOut ?? 0;
  }

  /** How many callers are kept; for tests. */
  get size(): number {
    return this.callers.size;
  }
}
