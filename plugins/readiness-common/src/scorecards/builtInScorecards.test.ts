import { loadBuiltInScorecards } from '../testUtils/builtInScorecards';

const builtIn = [...loadBuiltInScorecards().values()];

it('ships production-readiness and api-quality, valid', () => {
  expect(builtIn.map(s => s.id)).toEqual([
    'api-quality',
    'production-readiness',
  ]);
});

describe.each(builtIn.map(s => [s.id, s] as const))(
  'built-in scorecard %s',
  (_id, scorecard) => {
    it('has unique check ids', () => {
      const ids = scorecard.checks.map(c => c.id);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('puts every check in a declared category and level, with a positive weight', () => {
      const categories = scorecard.categories.map(c => c.id);
      const levels = scorecard.levels.map(l => l.id);
      for (const check of scorecard.checks) {
        expect(categories).toContain(check.category);
        expect(levels).toContain(check.level);
        expect(check.weight).toBeGreaterThan(0);
        expect(check.remediation.text.length).toBeGreaterThan(40);
      }
    });

    it('has checks at every level and in every category', () => {
      for (const level of scorecard.levels) {
        expect(scorecard.checks.some(c => c.level === level.id)).toBe(true);
      }
      for (const category of scorecard.categories) {
        expect(scorecard.checks.some(c => c.category === category.id)).toBe(
          true,
        );
      }
    });
  },
);
