import { levelCounts, levelTitle } from './levels';

const levels = [
  { id: 'bronze', title: 'Bronze' },
  { id: 'gold', title: 'Gold' },
];

describe('levels', () => {
  it('titles a level, or falls back to its id', () => {
    expect(levelTitle(levels, 'gold')).toBe('Gold');
    expect(levelTitle(levels, 'platinum')).toBe('platinum');
  });

  it('counts the entities from below the first level to the top', () => {
    expect(levelCounts(levels, { gold: 2, none: 1 }, 'None')).toEqual([
      { id: 'none', title: 'None', count: 1 },
      { id: 'bronze', title: 'Bronze', count: 0 },
      { id: 'gold', title: 'Gold', count: 2 },
    ]);
  });
});
