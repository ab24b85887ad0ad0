import { abortError, sleep } from './abort';

function aborted(reason?: unknown): AbortSignal {
  const controller = new AbortController();
  controller.abort(reason);
  return controller.signal;
}

describe('abortError', () => {
  it('is the reason when that is an error', () => {
    const reason = new Error('the deadline passed');
    expect(abortError(aborted(reason))).toBe(reason);
  });

  it("keeps a bare abort()'s DOMException, from whatever realm", () => {
    const signal = aborted();
    expect(abortError(signal)).toBe(signal.reason);
    expect(abortError(signal).message).toBe('This operation was aborted');
  });

  it('makes an error of any other reason', () => {
    expect(abortError(aborted('shutdown')).message).toBe('aborted: shutdown');
    expect(abortError(aborted(null)).message).toBe('aborted: null');
  });
});

describe('sleep', () => {
  it('waits the time given', async () => {
    const start = Date.now();
    await sleep(20);
    expect(Date.now() - start).toBeGreaterThanOrEqual(15);
  });

  it('rejects with the reason as soon as the signal is aborted', async () => {
    const controller = new AbortController();
    const start = Date.now();
    const waiting = sleep(10_000, controller.signal);
    setTimeout(() => controller.abort(new Error('stop')), 10);
    await expect(waiting).rejects.toThrow('stop');
    expect(Date.now() - start).toBeLessThan(5000);
    await expect(sleep(10, aborted(new Error('gone')))).rejects.toThrow('gone');
  });
});
