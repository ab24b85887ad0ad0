import { sleep } from '@readiness/plugin-readiness-node';
import type { RateLimit } from './types';

/**
 * A token bucket shared by all requests of one collector: it holds `burst`
 * tokens and gains `requests` tokens every `perMs`, so requests are spaced
 * `perMs / requests` apart once a burst is spent. Callers are served in
 * order. (A server's `Retry-After` is the shared `HttpClient`'s to honour.)
 */
export class RateLimiter {
  private tokens: number;
  private updatedAt: number;
  private queue: Promise<void> = Promise.resolve();
  private readonly intervalMs: number;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = limit.burst;
    this.updatedAt = now();
    this.intervalMs = limit.perMs / limit.requests;
  }

  /** Resolves when a request may go; rejects if the signal aborts first. */
  acquire(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.take(signal));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const now = this.now();
      this.tokens = Math.min(
        this.limit.burst,
        this.tokens + (now - this.updatedAt) / this.intervalMs,
      );
      this.updatedAt = now;
      const wait = this.tokens >= 1 ? 0 : (1 - this.tokens) * this.intervalMs;
      if (wait <= 0) {
        this.tokens -= 1;
        return;
      }
      await sleep(Math.ceil(wait), signal);
    }
  }
}
