import { backoffDelayMs } from './backoff';

describe('backoffDelayMs', () => {
  it('doubles with each retry, with a jitter from half to all of it', () => {
    const low = { initialMs: 100, random: () => 0 };
    const high = { initialMs: 100, random: () => 0.999999 };
    expect(backoffDelayMs(1, low)).toBe(50);
    expect(backoffDelayMs(3, low)).toBe(200);
    expect(backoffDelayMs(1, high)).toBeCloseTo(100, 3);
    expect(backoffDelayMs(3, high)).toBeCloseTo(400, 3);
  });

  it('never waits longer than maxMs', () => {
    expect(
      backoffDelayMs(10, { initialMs: 100, maxMs: 1000, random: () => 0.5 }),
    ).toBe(1000);
  });

  it('starts at about 500 ms by default', () => {
    expect(backoffDelayMs(1, { random: () => 0 })).toBe(250);
  });
});
