import { ConfigReader } from '@backstage/config';
import { readCollectorSettings } from './readCollectorSettings';

describe('readCollectorSettings', () => {
  it('enables every collector, collects anew every time and keeps last good facts a week, by default', () => {
    const settings = readCollectorSettings(new ConfigReader({}));
    expect(settings.enabled('github')).toBe(true);
    expect(settings.frequencyMs('github')).toBe(0);
    expect(settings.maxLastGoodAgeMs('github')).toBe(7 * 86_400_000);
  });

  it('uses the given default frequency of a built-in collector', () => {
    const settings = readCollectorSettings(new ConfigReader({}), {
      repository: { hours: 1 },
    });
    expect(settings.frequencyMs('repository')).toBe(3_600_000);
  });

  it('reads readiness.collectors.<id>, zero frequency included', () => {
    const settings = readCollectorSettings(
      new ConfigReader({
        readiness: {
          collectors: {
            github: { enabled: false, frequency: '15m', maxLastGoodAge: '1d' },
            http: { frequency: { milliseconds: 0 } },
          },
        },
      }),
      { http: { hours: 1 } },
    );
    expect(settings.enabled('github')).toBe(false);
    expect(settings.frequencyMs('github')).toBe(900_000);
    expect(settings.maxLastGoodAgeMs('github')).toBe(86_400_000);
    expect(settings.frequencyMs('http')).toBe(0);
  });

  it('accepts a maximum age of zero (never stand in), as it always did', () => {
    const settings = readCollectorSettings(
      new ConfigReader({
        readiness: { collectors: { github: { maxLastGoodAge: '0s' } } },
      }),
    );
    expect(settings.maxLastGoodAgeMs('github')).toBe(0);
  });

  it('reads each setting once, as it is asked for every entity', () => {
    const config = new ConfigReader({
      readiness: { collectors: { github: { frequency: '15m' } } },
    });
    const settings = readCollectorSettings(config);
    const read = jest.spyOn(config, 'getOptional');
    expect(settings.frequencyMs('github')).toBe(900_000);
    const reads = read.mock.calls.length;
    expect(reads).toBeGreaterThan(0);
    expect(settings.frequencyMs('github')).toBe(900_000);
    expect(read).toHaveBeenCalledTimes(reads);
  });

  it('names the key when a value is wrong', () => {
    const settings = readCollectorSettings(
      new ConfigReader({
        readiness: { collectors: { github: { frequency: 'often' } } },
      }),
    );
    expect(() => settings.frequencyMs('github')).toThrow(
      /readiness\.collectors\.github\.frequency/,
    );
  });
});
