import { ConcurrencyLimiter } from './ConcurrencyLimiter';

const tick = () => new Promise(resolve => setTimeout(resolve, 5));

describe('ConcurrencyLimiter', () => {
  it('runs at most `limit` tasks at once, in order', async () => {
    const limiter = new ConcurrencyLimiter(2);
    const started: number[] = [];
    let running = 0;
    let most = 0;
    await Promise.all(
      [1, 2, 3, 4, 5].map(n =>
        limiter.run(async () => {
          started.push(n);
          running += 1;
          most = Math.max(most, running);
          await tick();
          running -= 1;
        }),
      ),
    );
    expect(most).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5]);
  });

  it('frees the slot when a task fails', async () => {
    const limiter = new ConcurrencyLimiter(1);
    await expect(
      limiter.run(async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await expect(limiter.run(async () => 'next')).resolves.toBe('next');
  });

  it('drops a waiting task whose signal is aborted, without running it', async () => {
    const limiter = new ConcurrencyLimiter(1);
    let release!: () => void;
    const first = limiter.run(
      () => new Promise<void>(resolve => (release = resolve)),
    );
    const controller = new AbortController();
    const task = jest.fn(async () => 'ran');
    const waiting = limiter.run(task, controller.signal);

    controller.abort(new Error('deadline'));
    await expect(waiting).rejects.toThrow('deadline');
    release();
    await first;
    await expect(limiter.run(async () => 'after')).resolves.toBe('after');
    expect(task).not.toHaveBeenCalled();
  });

  it('refuses a limit below one', () => {
    expect(() => new ConcurrencyLimiter(0)).toThrow(
      'concurrency must be a whole number of 1 or more',
    );
  });
});
