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
    if (this.active >= this.max) {
      throw new ServiceUnavailableError(this.refusal(this.active));
    }
    this.active += 1;
    try {
      return await task();
    } finally {
      this.active -= 1;
    }
  }

  /** Tasks running now; for tests. */
  get running(): number {
    return this.active;
  }
}
