import { abortError } from './abort';

interface Waiter {
  start(): void;
  abort(): void;
}

/**
 * Runs at most `limit` tasks at once; the others wait their turn, in order.
 * A waiting task whose signal is aborted leaves the queue at once and
 * rejects with {@link abortError}, so that work given up on never runs
 * later. Share one limiter between all the calls that use one server.
 *
 * @public
 */
export class ConcurrencyLimiter {
  private active = 0;
  private readonly waiting: Waiter[] = [];

  /** @param limit - tasks at once: a whole number of 1 or more */
  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new Error(
        `concurrency must be a whole number of 1 or more, not ${limit}`,
      );
    }
  }

  /** The task's result, once a slot is free and the task has run in it. */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) {
      return Promise.reject(abortError(signal));
    }
    if (this.active < this.limit) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        start: () => {
          signal?.removeEventListener('abort', waiter.abort);
          resolve();
        },
        abort: () => {
          const index = this.waiting.indexOf(waiter);
          if (index >= 0) {
            this.waiting.splice(index, 1);
          }
          reject(abortError(signal!));
        },
      };
      signal?.addEventListener('abort', waiter.abort, { once: true });
      this.waiting.push(waiter);
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) {
      // The slot passes straight to the next task.
      next.start();
    } else {
      this.active -= 1;
    }
  }
}
