import { ConfigReader } from '@backstage/config';
import { TooManyRequestsError } from './CallerRateLimiter';
import {
  readRefreshRateLimits,
  RefreshRateLimiter,
} from './RefreshRateLimiter';

const MINUTE = 60_000;

function limiterAt(
  limits: Partial<ConstructorParameters<typeof RefreshRateLimiter>[0]> = {},
) {
  const clock = { now: 0 };
  const limiter = new RefreshRateLimiter(
    {
      entityIntervalMs: MINUTE,
      callerLimit: 3,
      callerWindowMs: 10 * MINUTE,
      maxTracked: 100,
      ...limits,
    },
    () => clock.now,
  );
  return { limiter, clock };
}

function refused(take: () => void): TooManyRequestsError {
  try {
    take();
  } catch (error) {
    expect(error).toBeInstanceOf(TooManyRequestsError);
    return error as TooManyRequestsError;
  }
  throw new Error('expected a refusal');
}

describe('RefreshRateLimiter', () => {
  it('lets a caller refresh one entity once a minute', () => {
    const { limiter, clock } = limiterAt();
    limiter.take('user:default/ada', 'component:default/a');

    clock.now = 20_000;
    const error = refused(() =>
      limiter.take('user:default/ada', 'component:default/a'),
    );
    expect(error.statusCode).toBe(429);
    expect(error.retryAfterSeconds).toBe(40);
    expect(error.message).toMatch(/component:default\/a/);
    // Another caller, or another entity, is counted apart.
    limiter.take('user:default/bob', 'component:default/a');
    limiter.take('user:default/ada', 'component:default/b');

    clock.now = MINUTE;
    limiter.take('user:default/ada', 'component:default/a');
  });

  it('lets a caller start a number of refreshes per window', () => {
    const { limiter, clock } = limiterAt();
    for (const name of ['a', 'b', 'c']) {
      clock.now += 1000;
      limiter.take('user:default/ada', `component:default/${name}`);
    }
    const error = refused(() =>
      limiter.take('user:default/ada', 'component:default/d'),
    );
    expect(error.message).toMatch(/At most 3 refreshes per 600 seconds/);
    // The first, at 1 s, leaves the window ten minutes after; it is 3 s now.
    expect(error.retryAfterSeconds).toBe(598);
    limiter.take('user:default/bob', 'component:default/d');

    clock.now = 1000 + 10 * MINUTE;
    limiter.take('user:default/ada', 'component:default/d');
  });

  it('forgets expired entries and keeps at most maxTracked', () => {
    const { limiter, clock } = limiterAt({ maxTracked: 50 });
    for (let i = 0; i < 1000; i++) {
      limiter.take(`user:default/u${i}`, `component:default/e${i}`);
    }
    expect(limiter.size).toBe(100);

    clock.now = 11 * MINUTE;
    limiter.take('user:default/late', 'component:default/x');
    expect(limiter.size).toBe(2);
  });

  it('reads its limits from config, with defaults', () => {
    expect(readRefreshRateLimits(new ConfigReader({}))).toEqual({
      entityIntervalMs: MINUTE,
      callerLimit: 30,
      callerWindowMs: 10 * MINUTE,
      maxTracked: 10_000,
    });
    expect(
      readRefreshRateLimits(
        new ConfigReader({
          readiness: {
            refresh: {
              entityInterval: '5m',
              callerLimit: 5,
              callerWindow: { hours: 1 },
            },
          },
        }),
      ),
    ).toMatchObject({
      entityIntervalMs: 5 * MINUTE,
      callerLimit: 5,
      callerWindowMs: 60 * MINUTE,
    });
    expect(() =>
      readRefreshRateLimits(
        new ConfigReader({ readiness: { refresh: { callerLimit: 0 } } }),
      ),
    ).toThrow(/readiness.refresh.callerLimit/);
  });
});
