import type { CheckResult } from './results';
import { findLevel, orderOpenChecks } from './nextLevelChecks';

const levels = [
  { id: 'bronze', title: 'Bronze' },
  { id: 'silver', title: 'Silver' },
  { id: 'gold', title: 'Gold' },
];

type Check = Pick<
  CheckResult,
  'id' | 'status' | 'level' | 'weight' | 'title' | 'advisory'
>;

function check(id: string, level: string, extra: Partial<Check> = {}): Check {
  return { id, title: id, level, weight: 1, status: 'fail', ...extra };
}

const ids = (checks: Check[]) => checks.map(c => c.id);

describe('orderOpenChecks', () => {
  it('lists the next level first, then higher levels, unknown levels, advisory ones', () => {
    const checks = [
      check('warn', 'silver', { advisory: { enforcedFrom: '2030-01-01' } }),
      check('gold-1', 'gold'),
      check('stray', 'platinum'),
      check('silver-1', 'silver', { status: 'unknown' }),
      check('passes', 'silver', { status: 'pass' }),
      check('waived', 'silver', { status: 'waived' }),
      check('skipped', 'gold', { status: 'not-applicable' }),
    ];

    expect(ids(orderOpenChecks({ checks, scorecard: { levels } }))).toEqual([
      'silver-1',
      'gold-1',
      'stray',
      'warn',
    ]);
  });

  it('puts heavier checks first within a group, then by title, then as given', () => {
    const checks = [
      check('b', 'silver', { title: 'Beta' }),
      check('heavy', 'silver', { weight: 5, title: 'Zulu' }),
      check('a', 'silver', { title: 'Alpha' }),
      check('a-again', 'silver', { title: 'Alpha' }),
      check('warn-light', 'bronze', { advisory: {} }),
      check('warn-heavy', 'gold', { advisory: {}, weight: 3 }),
    ];

    expect(ids(orderOpenChecks({ checks, scorecard: { levels } }))).toEqual([
      'heavy',
      'a',
      'a-again',
      'b',
      'warn-heavy',
      'warn-light',
    ]);
  });

  it('ranks by the levels given, e.g. the definition in force', () => {
    const checks = [check('gold-1', 'gold'), check('silver-1', 'silver')];
    const reversed = [...levels].reverse();

    expect(
      ids(orderOpenChecks({ checks, scorecard: { levels } }, reversed)),
    ).toEqual(['gold-1', 'silver-1']);
    expect(orderOpenChecks({ checks: [], scorecard: { levels } })).toEqual([]);
  });
});

describe('findLevel', () => {
  it('finds a level by id or title, ignoring case and spaces', () => {
    expect(findLevel(levels, 'silver')).toBe(levels[1]);
    expect(findLevel(levels, 'Silver')).toBe(levels[1]);
    expect(findLevel(levels, ' GOLD ')).toBe(levels[2]);
  });

  it("prefers an id over another level's title", () => {
    const odd = [
      { id: 'one', title: 'Two' },
      { id: 'two', title: 'Three' },
    ];

    expect(findLevel(odd, 'two')).toBe(odd[1]);
    expect(findLevel(odd, 'three')).toBe(odd[1]);
  });

  it('is undefined for a level that is not there', () => {
    expect(findLevel(levels, 'platinum')).toBeUndefined();
    expect(findLevel(levels, '')).toBeUndefined();
    expect(findLevel([], 'silver')).toBeUndefined();
  });
});
