import { ConfigReader } from '@backstage/config';
import { readDurationMs } from './readDurationMs';

const KEY = 'readiness.collectorTimeout';
const read = (value?: unknown) =>
  readDurationMs(
    new ConfigReader(
      value === undefined ? {} : { readiness: { collectorTimeout: value } },
    ),
    KEY,
    { seconds: 10 },
  );

describe('readDurationMs', () => {
  it('falls back when the key is not set', () => {
    expect(read()).toBe(10_000);
  });

  it.each([
    [{ seconds: 3 }, 3_000],
    ['2m', 120_000],
    [{ days: 365 }, 31_536_000_000],
  ])('reads %j', (value, ms) => {
    expect(read(value)).toBe(ms);
  });

  it('names the key when the value is wrong', () => {
    expect(() => read('soon')).toThrow(/readiness\.collectorTimeout/);
  });
});
