import { closestMatch, editDistance, hint, orList } from './didYouMean';

describe('editDistance', () => {
  it.each([
    ['weight', 'weight', 0],
    ['weigth', 'weight', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['ca', 'abc', 3],
  ])('%s to %s is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});

describe('closestMatch', () => {
  const keys = ['id', 'title', 'weight', 'severity', 'lt', 'gt'];

  it.each([
    ['weigth', 'weight'],
    ['Weight', 'weight'],
    ['sevirity', 'severity'],
    ['le', 'lt'],
    ['x', undefined],
    ['category', undefined],
    ['weight', undefined],
  ])('%s suggests %s', (word, match) => {
    expect(closestMatch(word, keys)).toBe(match);
  });

  it('allows more edits in long words: a third of their length', () => {
    const facts = ['github.branchProtection'];
    expect(closestMatch('github.brnchProtecton', facts)).toBe(
      'github.branchProtection',
    );
    expect(closestMatch('gitlab.branchProtection', facts)).toBe(
      'github.branchProtection',
    );
    expect(closestMatch('github.defaultBranch', facts)).toBeUndefined();
  });
});

describe('hint', () => {
  it('suggests the close candidate, or lists them all', () => {
    expect(hint('sliver', ['bronze', 'silver'], 'levels')).toBe(
      ' (did you mean "silver"?)',
    );
    expect(hint('gold', ['bronze', 'silver'], 'levels')).toBe(
      ' (levels: bronze, silver)',
    );
    expect(hint('gold', [], 'levels')).toBe('');
  });

  it('lists the ten closest of many candidates and counts the others', () => {
    const checks = Array.from({ length: 200 }, (_, i) => `check-${i}`);
    expect(hint('docs', [...checks, 'has-docs', 'docs-url'], 'checks')).toBe(
      ' (checks: has-docs, docs-url, check-0, check-1, check-2, check-3, check-4, check-5, check-6, check-7 and 192 more)',
    );
  });
});

describe('orList', () => {
  it('joins words for a sentence', () => {
    expect(orList(['a'])).toBe('a');
    expect(orList(['a', 'b', 'c'])).toBe('a, b or c');
  });
});
