import { ConfigReader } from '@backstage/config';
import { DEFAULT_SCORECARD_LIMITS } from '@readiness/plugin-readiness-common';
import { readScorecardLimits } from './readScorecardLimits';

function read(scorecards: object) {
  return readScorecardLimits(
    new ConfigReader({ readiness: { limits: { scorecards } } }),
  );
}

describe('readScorecardLimits', () => {
  it('defaults every limit', () => {
    expect(readScorecardLimits(new ConfigReader({}))).toEqual(
      DEFAULT_SCORECARD_LIMITS,
    );
  });

  it('reads each limit that is set', () => {
    expect(
      read({
        maxBytes: 1,
        maxAliasedBytes: 2,
        maxDepth: 3,
        maxConditionNodes: 4,
        maxConditionNodesPerCheck: 5,
      }),
    ).toEqual({
      maxBytes: 1,
      maxAliasedBytes: 2,
      maxDepth: 3,
      maxConditionNodes: 4,
      maxConditionNodesPerCheck: 5,
    });
  });

  it.each([0, -1, 1.5])('refuses %p, naming the key', value => {
    expect(() => read({ maxDepth: value })).toThrow(
      `readiness.limits.scorecards.maxDepth must be a whole number from 1 to 67108864, not ${value}`,
    );
  });
});
