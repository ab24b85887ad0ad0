import { formatFactValue } from './formatFactValue';

describe('formatFactValue', () => {
  it.each([
    ['team-a', 'team-a'],
    [3, '3'],
    [false, 'false'],
    [['a', 'b'], 'a, b'],
    [{ env: 'prod', tier: '1' }, 'env: prod, tier: 1'],
    [null, undefined],
  ])('writes %j as %j', (value, text) => {
    expect(formatFactValue(value)).toBe(text);
  });
});
