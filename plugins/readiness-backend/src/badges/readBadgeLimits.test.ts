import { ConfigReader } from '@backstage/config';
import { readBadgeLimits } from './readBadgeLimits';

describe('readBadgeLimits', () => {
  it('allows 20 link writes per caller and 10 minutes by default', () => {
    expect(readBadgeLimits(new ConfigReader({}))).toEqual({
      callerLimit: 20,
      callerWindowMs: 600_000,
      maxTracked: 10_000,
    });
  });

  it('reads readiness.badges', () => {
    expect(
      readBadgeLimits(
        new ConfigReader({
          readiness: {
            badges: {
              public: true,
              callerLimit: 5,
              callerWindow: '1h',
              maxTracked: 100,
            },
          },
        }),
      ),
    ).toEqual({ callerLimit: 5, callerWindowMs: 3_600_000, maxTracked: 100 });
  });
});
