import { ConcurrencyLimit } from './ConcurrencyLimit';

describe('ConcurrencyLimit', () => {
  it('runs at most max tasks at once, refuses more, and frees a place when one settles', async () => {
    const limit = new ConcurrencyLimit(1, running => `${running} running`);
    let release = () => {};
    const first = limit.run(
      () =>
        new Promise<string>(resolve => {
          release = () => resolve('first');
        }),
    );
    expect(limit.running).toBe(1);

    await expect(limit.run(async () => 'second')).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: '1 running',
    });

    release();
    await expect(first).resolves.toBe('first');
    await expect(limit.run(async () => 'third')).resolves.toBe('third');
    // A task that fails frees its place too.
    await expect(
      limit.run(async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(limit.running).toBe(0);
  });

  it('tryRun starts nothing and answers undefined when no place is free', async () => {
    const limit = new ConcurrencyLimit(1, running => `${running} running`);
    let release = () => {};
    const first = limit.tryRun(
      () =>
        new Promise<void>(resolve => {
          release = resolve;
        }),
    );
    let ran = false;
    expect(
      limit.tryRun(async () => {
        ran = true;
      }),
    ).toBeUndefined();
    expect(ran).toBe(false);
    release();
    await first;
    await expect(limit.tryRun(async () => 'next')).resolves.toBe('next');
  });
});
