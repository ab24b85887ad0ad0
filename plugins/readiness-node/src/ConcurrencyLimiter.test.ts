import { sleep } from './abort';
import { ConcurrencyLimiter } from './ConcurrencyLimiter';

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
          await sleep(5);
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
    const third = limiter.run(async () => 'third');

    controller.abort(new Error('deadline'));
    await expect(waiting).rejects.toThrow('deadline');
    release();
    await first;
    await expect(third).resolves.toBe('third');
    expect(task).not.toHaveBeenCalled();
  });

  it('rejects with the reason itself, and refuses a signal aborted already', async () => {
    const limiter = new ConcurrencyLimiter(1);
    const controller = new AbortController();
    const reason = new Error('stopped');
    controller.abort(reason);
    const task = jest.fn(async () => 'ran');
    await expect(limiter.run(task, controller.signal)).rejects.toBe(reason);
    expect(task).not.toHaveBeenCalled();
    await expect(limiter.run(async () => 'free')).resolves.toBe('free');
  });

  it('refuses a limit that is not a whole number of 1 or more', () => {
    expect(() => new ConcurrencyLimiter(0)).toThrow(
      'concurrency must be a whole number of 1 or more, not 0',
    );
    expect(() => new ConcurrencyLimiter(1.5)).toThrow('not 1.5');
  });
});
