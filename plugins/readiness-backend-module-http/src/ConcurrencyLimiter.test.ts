import { ConcurrencyLimiter } from './ConcurrencyLimiter';

describe('ConcurrencyLimiter', () => {
  it('runs at most max tasks at once, in order', async () => {
    const limiter = new ConcurrencyLimiter(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      [0, 1, 2, 3, 4].map(i =>
        limiter.run(async () => {
          running += 1;
          most = Math.max(most, running);
          order.push(i);
          await new Promise(resolve => setTimeout(resolve, 10));
          running -= 1;
        }),
      ),
    );
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it('frees the slot when a task fails, and drops aborted waiters', async () => {
    const limiter = new ConcurrencyLimiter(1);
    await expect(
      limiter.run(async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    let release!: () => void;
    const first = limiter.run(() => new Promise<void>(r => (release = r)));
    const controller = new AbortController();
    const aborted = limiter.run(async () => 'never', controller.signal);
    const third = limiter.run(async () => 'third');
    controller.abort(new Error('stop'));
    await expect(aborted).rejects.toThrow('stop');
    release();
    await first;
    await expect(third).resolves.toBe('third');
  });
});
