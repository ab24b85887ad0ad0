import { RefusalAuditThrottle } from './RefusalAuditThrottle';

const MINUTE = 60_000;

describe('RefusalAuditThrottle', () => {
  it("audits a caller's first refusal, then one per window counting those left out", () => {
    const clock = { now: 0 };
    const throttle = new RefusalAuditThrottle(
      { windowMs: MINUTE, maxTracked: 100 },
      () => clock.now,
    );
    expect(throttle.admit('service:ci')).toBe(0);
    clock.now = 10_000;
    expect(throttle.admit('service:ci')).toBeUndefined();
    expect(throttle.admit('service:ci')).toBeUndefined();
    // Another caller has a window of its own.
    expect(throttle.admit('service:other')).toBe(0);

    clock.now = MINUTE;
    expect(throttle.admit('service:ci')).toBe(2);
    expect(throttle.admit('service:ci')).toBeUndefined();
    clock.now = 3 * MINUTE;
    expect(throttle.admit('service:ci')).toBe(1);
  });

  it('forgets the callers audited longest ago beyond maxTracked', () => {
    const throttle = new RefusalAuditThrottle(
      { windowMs: MINUTE, maxTracked: 2 },
      () => 0,
    );
    throttle.admit('service:a');
    throttle.admit('service:b');
    throttle.admit('service:c');
    expect(throttle.size).toBe(2);
    // Forgotten, so audited again at once; c is still remembered.
    expect(throttle.admit('service:a')).toBe(0);
    expect(throttle.admit('service:c')).toBeUndefined();
  });
});
