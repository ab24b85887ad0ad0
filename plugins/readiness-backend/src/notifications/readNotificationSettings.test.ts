import { ConfigReader } from '@backstage/config';
import {
  digestPeriod,
  readNotificationSettings,
} from './readNotificationSettings';

describe('readNotificationSettings', () => {
  it('tells of campaigns, not of regressions, in a daily digest by default', () => {
    expect(readNotificationSettings(new ConfigReader({}))).toEqual({
      regressions: false,
      campaigns: true,
      digest: 'daily',
    });
  });

  it('reads readiness.notifications', () => {
    expect(
      readNotificationSettings(
        new ConfigReader({
          readiness: {
            notifications: {
              regressions: { enabled: true },
              campaigns: { enabled: false },
              digest: 'hourly',
            },
          },
        }),
      ),
    ).toEqual({ regressions: true, campaigns: false, digest: 'hourly' });
  });

  it('names the key of a wrong value', () => {
    expect(() =>
      readNotificationSettings(
        new ConfigReader({
          readiness: { notifications: { digest: 'weekly' } },
        }),
      ),
    ).toThrow(
      "readiness.notifications.digest must be one of daily, hourly, not 'weekly'",
    );
    expect(() =>
      readNotificationSettings(
        new ConfigReader({
          readiness: { notifications: { regressions: { enabled: 3 } } },
        }),
      ),
    ).toThrow(/readiness\.notifications\.regressions\.enabled/);
  });
});

describe('digestPeriod', () => {
  it('is the UTC day or hour', () => {
    const now = new Date('2027-01-10T23:59:59.999+00:00');
    expect(digestPeriod(now, 'daily')).toBe('2027-01-10');
    expect(digestPeriod(now, 'hourly')).toBe('2027-01-10T23');
    expect(digestPeriod(new Date('2027-01-11T00:30:00+02:00'), 'daily')).toBe(
      '2027-01-10',
    );
  });
});
