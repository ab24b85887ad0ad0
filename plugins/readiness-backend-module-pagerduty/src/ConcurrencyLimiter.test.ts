import { ConcurrencyLimiter, sleep } from './ConcurrencyLimiter';

describe('ConcurrencyLimiter', () => {
  it('runs at most `limit` tasks at once, in order', async () => {
    const limiter = new ConcurrencyLimiter(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    await Promise.all(
      [0, 1, 2, 3, 4].map(i =>
        limiter.run(async () => {
          started.push(i);
          running += 1;
          most = Math.max(most, running);
          await sleep(5);
          running -= 1;
        }),
      ),
    );
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });

  it('lets a waiting task go when its signal aborts', async () => {
    const limiter = new ConcurrencyLimiter(1);
    let release!: () => void;
    const first = limiter.run(() => new Promise<void>(r => (release = r)));
    const controller = new AbortController();
    const ran = jest.fn();
    const second = limiter.run(async () => ran(), controller.signal);
    controller.abort(new Error('deadline passed'));
    await expect(second).rejects.toThrow('deadline passed');
    release();
    await first;
    await limiter.run(async () => ran());
    expect(ran).toHaveBeenCalledTimes(1);
  });

  it('refuses a limit below one', () => {
    expect(() => new ConcurrencyLimiter(0)).toThrow(/whole number/);
  });
});
