import { ServiceUnavailableError } from '@backstage/errors';

/**
 * At most `max` tasks at once on this backend replica, whoever runs them;
 * one more is refused with a ServiceUnavailableError (503) rather than
 * queued, so that a burst costs no memory while it waits.
 */
export class ConcurrencyLimit {
  private active = 0;

  constructor(
    private readonly max: number,
    /** The refusal, given how many run: names the limit's config key. */
    private readonly refusal: (running: number) => string,
  ) {}

  /** Runs `task` if a place is free, holding the place until it settles. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    const running = this.tryRun(task);
    if (!running) {
      throw new ServiceUnavailableError(this.refusal(this.active));
    }
    return running;
  }

  /**
   * Starts `task` if a place is free, holding the place until it settles;
   * undefined when none is, for callers that skip the work rather than
   * refuse the request.
   */
  tryRun<T>(task: () => Promise<T>): Promise<T> | undefined {
    if (this.active >= this.max) {
      return undefined;
    }
    this.active += 1;
    return (async () => {
      try {
        return await task();
      } finally {
        this.active -= 1;
      }
    })();
  }

  /** Tasks running now; for tests. */
  get running(): number {
    return this.active;
  }
}
