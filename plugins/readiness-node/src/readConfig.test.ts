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
    ['soon', "Invalid duration 'soon' in config at 't'"],
    ['10', 'The value cannot be a plain number'],
    ['P', 'Invalid ISO format'],
    ['PT1X', 'Invalid ISO format'],
    [{ secs: 3 }, 'Needs one or more of'],
    [{}, 'Needs one or more of'],
    [
      { seconds: 'three' },
      "Unable to convert config value for key 't.seconds'",
    ],
    [3, 'Failed to read duration from config'],
  ])('names the key of %j, which is not a duration', (value, problem) => {
    expect(() => read(value)).toThrow(
      "readiness.x.t is not a duration such as '10s' or { seconds: 10 }: ",
    );
    expect(() => read(value)).toThrow(problem);
  });

  it('reads whatever else Backstage reads, such as a month of 30 days', () => {
    expect(read('P1M')).toBe(30 * 86_400_000);
    expect(read({ months: 1 })).toBe(30 * 86_400_000);
    expect(read('1 week')).toBe(7 * 86_400_000);
  });

  it('refuses a duration of zero', () => {
    expect(() => read({ seconds: 0 })).toThrow(
      'readiness.x.t must be longer than zero',
    );
    expect(() => read('0s')).toThrow('readiness.x.t must be longer than zero');
  });

  it('reads zero where zero is allowed, and still refuses less', () => {
    const readAllowingZero = (value: unknown) =>
      readDurationMs(config({ t: value }), 't', {
        prefix: 'readiness.x',
        allowZero: true,
      });
    expect(readAllowingZero({ milliseconds: 0 })).toBe(0);
    expect(readAllowingZero('0s')).toBe(0);
    expect(() => readAllowingZero({ seconds: -1 })).toThrow(
      'readiness.x.t must be zero or longer',
    );
  });
});
