import { ConfigReader } from '@backstage/config';
import {
  CallerRateLimiter,
  readCallerRateLimits,
  TooManyRequestsError,
} from './CallerRateLimiter';

const MINUTE = 60_000;

describe('CallerRateLimiter', () => {
  it('lets each caller start callerLimit requests per window, naming what it counts', () => {
    const clock = { now: 0 };
    const limiter = new CallerRateLimiter(
      { callerLimit: 2, callerWindowMs: MINUTE, maxTracked: 100 },
      'draft evaluations',
      () => clock.now,
    );
    limiter.take('user:default/ada');
    clock.now = 10_000;
    limiter.take('user:default/ada');
    // check() refuses as take() would, and counts nothing itself.
    expect(() => limiter.check('user:default/ada')).toThrow(
      TooManyRequestsError,
    );
    limiter.check('user:default/bob');
    limiter.check('user:default/bob');

    let refusal: TooManyRequestsError | undefined;
    try {
      limiter.take('user:default/ada');
    } catch (error) {
      refusal = error as TooManyRequestsError;
    }
    expect(refusal).toMatchObject({
      statusCode: 429,
      message: 'At most 2 draft evaluations per 60 seconds; try again later',
      // The first start leaves the window a minute after it, 50 s from now.
      retryAfterSeconds: 50,
    });

    clock.now = MINUTE;
    limiter.take('user:default/ada');
    expect(limiter.size).toBe(1);
  });

  it('reads its limits under a prefix, with the defaults given', () => {
    const defaults = { callerLimit: 30, callerWindow: { minutes: 1 } };
    expect(
      readCallerRateLimits(new ConfigReader({}), 'readiness.drafts', defaults),
    ).toEqual({ callerLimit: 30, callerWindowMs: MINUTE, maxTracked: 10_000 });
    expect(() =>
      readCallerRateLimits(
        new ConfigReader({ readiness: { drafts: { callerLimit: 0 } } }),
        'readiness.drafts',
        defaults,
      ),
    ).toThrow(/readiness.drafts.callerLimit/);
  });
});
