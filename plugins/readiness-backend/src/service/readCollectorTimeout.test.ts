import { ConfigReader } from '@backstage/config';
import { readCollectorTimeout } from './readCollectorTimeout';

describe('readCollectorTimeout', () => {
  it('defaults to 10 seconds', () => {
    expect(readCollectorTimeout(new ConfigReader({}))).toBe(10_000);
  });

  it.each([
    [{ seconds: 3 }, 3_000],
    ['2m', 120_000],
  ])('reads %j', (value, ms) => {
    expect(
      readCollectorTimeout(
        new ConfigReader({ readiness: { collectorTimeout: value } }),
      ),
    ).toBe(ms);
  });

  it('names the key when the value is wrong', () => {
    expect(() =>
      readCollectorTimeout(
        new ConfigReader({ readiness: { collectorTimeout: 'soon' } }),
      ),
    ).toThrow(/readiness\.collectorTimeout/);
  });
});
