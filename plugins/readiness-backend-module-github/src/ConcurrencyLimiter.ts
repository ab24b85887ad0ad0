/**
 * Runs at most `max` tasks at once; the others wait their turn, in order,
 * and stop waiting when their signal aborts.
 *
 * @internal
 */
export class ConcurrencyLimiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly max: number) {}

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await task();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (this.active < this.max) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: () => {
          signal?.removeEventListener('abort', waiter.abort);
          this.active += 1;
          resolve();
        },
        abort: () => {
          this.waiting.splice(this.waiting.indexOf(waiter.grant), 1);
          reject(signal!.reason);
        },
      };
      this.waiting.push(waiter.grant);
      signal?.addEventListener('abort', waiter.abort, { once: true });
    });
  }
}
