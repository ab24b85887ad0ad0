import { RateLimiter } from './RateLimiter';

describe('RateLimiter', () => {
  it('spaces requests evenly once the burst is spent', async () => {
    const limiter = new RateLimiter({ requests: 20, perMs: 1000, burst: 1 });
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 5 }, () =>
        limiter.acquire().then(() => times.push(Date.now())),
      ),
    );
    for (let i = 1; i < times.length; i++) {
      expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(45);
    }
  });

  it('lets a burst go at once', async () => {
    const limiter = new RateLimiter({ requests: 1, perMs: 60_000, burst: 3 });
    const start = Date.now();
    await Promise.all([
      limiter.acquire(),
      limiter.acquire(),
      limiter.acquire(),
    ]);
    // Not the minute the fourth request would wait.
    expect(Date.now() - start).toBeLessThan(10_000);
  });

  it('stops waiting when the signal aborts, and serves the next', async () => {
    const limiter = new RateLimiter({ requests: 1, perMs: 60_000, burst: 1 });
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort(new Error('deadline'));
    await expect(waiting).rejects.toThrow('deadline');
  });
});
