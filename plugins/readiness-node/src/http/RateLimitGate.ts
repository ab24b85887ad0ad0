/**
 * The time before which no request of one client is sent: a rate limit or
 * `Retry-After` that one answer gave holds back every caller at once.
 */
export class RateLimitGate {
  private until = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds since the epoch; in the past when requests may go. */
  get pausedUntil(): number {
    return this.until;
  }

  /** How long requests must still wait; 0 when they may go. */
  get remainingMs(): number {
    return Math.max(0, this.until - this.now());
  }

  /** Holds requests back until `time`, unless they are already held longer. */
  pauseUntil(time: number): void {
    this.until = Math.max(this.until, time);
  }
}
