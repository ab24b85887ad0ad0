import { DRAFT_PATH_LIMITS } from './draftPathLimits';

describe('DRAFT_PATH_LIMITS', () => {
  it('are the bounds the backend and the Scaffolder module share', () => {
    expect(DRAFT_PATH_LIMITS).toEqual({
      maxPaths: 20_000,
      maxPathLength: 1_024,
    });
    expect(Object.isFrozen(DRAFT_PATH_LIMITS)).toBe(true);
  });
});
