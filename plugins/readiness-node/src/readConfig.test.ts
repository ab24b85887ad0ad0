import { mockServices } from '@backstage/backend-test-utils';
import { readBoundedInteger, readDurationMs } from './readConfig';

const config = (data: Record<string, unknown>) =>
  mockServices.rootConfig({ data: data as any });

describe('readBoundedInteger', () => {
  const range = { min: 1, max: 64, default: 4, prefix: 'readiness.x' };

  it('reads a whole number in range, or the default', () => {
    expect(readBoundedInteger(config({ n: 8 }), 'n', range)).toBe(8);
    expect(readBoundedInteger(config({ n: 64 }), 'n', range)).toBe(64);
    expect(readBoundedInteger(config({}), 'n', range)).toBe(4);
  });

  it('names the full key and the value of a mistake', () => {
    expect(() => readBoundedInteger(config({ n: 0 }), 'n', range)).toThrow(
      'readiness.x.n must be a whole number from 1 to 64, not 0',
    );
    expect(() => readBoundedInteger(config({ n: 1.5 }), 'n', range)).toThrow(
      'readiness.x.n must be a whole number from 1 to 64, not 1.5',
    );
    expect(() =>
      readBoundedInteger(config({ n: 65 }), 'n', { min: 1, max: 64 }),
    ).toThrow(/^n must be a whole number from 1 to 64, not 65$/);
  });

  it('requires the key when there is no default', () => {
    expect(() =>
      readBoundedInteger(config({}), 'n', {
        min: 0,
        max: 9,
        prefix: 'readiness.x',
      }),
    ).toThrow('readiness.x.n is required');
  });
});

describe('readDurationMs', () => {
  const read = (value: unknown) =>
    readDurationMs(config({ t: value }), 't', { prefix: 'readiness.x' });

  it.each([
    ['10s', 10_000],
    ['1.5s', 1500],
    ['500ms', 500],
    ['2 minutes', 120_000],
    ['1h', 3_600_000],
    ['1d', 86_400_000],
    ['PT10S', 10_000],
    ['PT1.5S', 1500],
    ['PT1M30S', 90_000],
    ['P1D', 86_400_000],
    [{ seconds: 3 }, 3000],
    [{ seconds: 2, milliseconds: 500 }, 2500],
    [{ minutes: 1, seconds: 1 }, 61_000],
    [{ seconds: '3' }, 3000],
  ])('reads %j', (value, ms) => {
    expect(read(value)).toBe(ms);
  });

  it('gives the default when the key is not set, and else requires it', () => {
    expect(readDurationMs(config({}), 't', { default: 10_000 })).toBe(10_000);
    expect(() =>
      readDurationMs(config({}), 't', { prefix: 'readiness.x' }),
    ).toThrow('readiness.x.t is required');
  });

  it.each([
    ['soon', "'soon' is not a number and a unit"],
    ['10', "'10' is not a number and a unit"],
    ['P', "'P' is not an ISO 8601 duration"],
    ['PT1X', "'PT1X' is not an ISO 8601 duration"],
    [{ secs: 3 }, "'secs' is not a unit; use one or more of milliseconds"],
    [{}, 'use one or more of milliseconds'],
    [
      { seconds: 'three' },
      "Unable to convert config value for key 't.seconds' in 'mock-config' to a number",
    ],
    [3, '3 is neither a string nor an object'],
  ])('names the key of %j, which is not a duration', (value, problem) => {
    expect(() => read(value)).toThrow(
      `readiness.x.t is not a duration such as '10s' or { seconds: 10 }: ${problem}`,
    );
  });

  it('refuses a duration of zero', () => {
    expect(() => read({ seconds: 0 })).toThrow(
      'readiness.x.t must be longer than zero',
    );
    expect(() => read('0s')).toThrow('readiness.x.t must be longer than zero');
  });
});
