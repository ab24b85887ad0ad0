import { SubjectTooLongError } from './matchBudget';
import { checkSafeRegex, compileSafeRegex } from './safeRegex';

describe('checkSafeRegex', () => {
  it.each([
    '^[a-z0-9-]+$',
    '^https://[^/]+/runbooks/',
    '^v\\d+\\.\\d+\\.\\d+$',
    '(?:\\.\\d+)?$',
    '^(foo|bar)+$',
    '^([a-z]|[0-9])*$',
    '^(?<team>team-[a-z]+)$',
    '^(ab)+$',
    'a{2,1000}',
    '[\\]]+',
    '😀+',
    '\\u{1F600}+',
    '^\\p{L}+$',
    'x'.repeat(200),
    // Matched in linear time, these are no longer catastrophic.
    '(a+)+',
    '^(a*)*$',
    '(.*a){3,}',
    '(a|aa)+',
    '(\\w|\\d)+',
    '.*.*.*.*.*.*.*.*.*.*x',
    'a{1001}',
  ])('accepts %s', pattern => {
    expect(checkSafeRegex(pattern)).toBeUndefined();
  });

  it.each([
    ['x'.repeat(201), 'regular expression is longer than 200 characters'],
    ['(a)\\1', 'backreferences are not allowed: \\1'],
    ['(?<x>a)\\k<x>', 'backreferences are not allowed: \\k<x>'],
    ['a(?=b)', 'lookahead and lookbehind are not allowed: (?=b)'],
    ['a(?!b)', 'lookahead and lookbehind are not allowed: (?!b)'],
    ['(?<=a)b', 'lookahead and lookbehind are not allowed: (?<=a)'],
    ['(?<!a)b', 'lookahead and lookbehind are not allowed: (?<!a)'],
    [
      'a{2000}',
      'regular expression needs more than 2000 states (counted repetitions such as {100} are written out)',
    ],
    [
      '(?:\\d{1,100}){1,50}',
      'regular expression needs more than 2000 states (counted repetitions such as {100} are written out)',
    ],
  ])('rejects %s', (pattern, problem) => {
    expect(checkSafeRegex(pattern)).toBe(problem);
  });

  it.each(['(', 'a{', '[a', 'a**', '\\-'])(
    'rejects %s, which does not compile in Unicode mode',
    pattern => {
      expect(checkSafeRegex(pattern)).toMatch(
        /^regular expression does not compile: Invalid regular expression: /,
      );
    },
  );
});

describe('checkSafeRegex on repeated empty groups', () => {
  it('refuses nested repeats of nothing at once, though they add no state', () => {
    const started = Date.now();
    // Three levels took 4.9 s to build; four would take hours.
    expect(checkSafeRegex('(?:(?:(?:){1000}){1000}){1000}')).toMatch(
      /needs more than 2000 states/,
    );
    expect(checkSafeRegex('(?:(?:(?:(?:){2000}){2000}){2000}){2000}')).toMatch(
      /needs more than 2000 states/,
    );
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('compileSafeRegex', () => {
  it('answers as RegExp with the u flag and reuses the compiled pattern', () => {
    const regex = compileSafeRegex('^\\p{Lu}');
    expect(regex.test('Ärger')).toBe(true);
    expect(regex.test('ärger')).toBe(false);
    expect(compileSafeRegex('^\\p{Lu}')).toBe(regex);
  });

  it('throws with the problem', () => {
    expect(() => compileSafeRegex('(a)\\1')).toThrow(
      'Unusable pattern /(a)\\1/: backreferences are not allowed: \\1',
    );
  });

  it('refuses text longer than 64 KiB', () => {
    const regex = compileSafeRegex('.*.*.*.*.*.*.*.*.*.*x');
    expect(regex.test('a'.repeat(65_536))).toBe(false);
    expect(() => regex.test('a'.repeat(65_537))).toThrow(SubjectTooLongError);
  });

  it('keeps the cache small', () => {
    const first = compileSafeRegex('^first$');
    for (let i = 0; i < 300; i++) {
      expect(compileSafeRegex(`^n${i}$`).test(`n${i}`)).toBe(true);
    }
    const again = compileSafeRegex('^first$');
    expect(again).not.toBe(first);
    expect(again.source).toBe(first.source);
  });
});
