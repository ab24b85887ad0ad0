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
    ['a{1001}', 'quantifier {1001} repeats more than 1000 times'],
    ['a{0,5000}', 'quantifier {0,5000} repeats more than 1000 times'],
    ['a{1001,}', 'quantifier {1001,} repeats more than 1000 times'],
    ['(a+)+', 'nested quantifiers can backtrack catastrophically: (a+)+'],
    ['^(a*)*$', 'nested quantifiers can backtrack catastrophically: (a*)*'],
    [
      '(.*a){3,}',
      'nested quantifiers can backtrack catastrophically: (.*a){3,}',
    ],
    [
      '(?:x(a+)?)+',
      'nested quantifiers can backtrack catastrophically: (?:x(a+)?)+',
    ],
    [
      '((ab)+c)*?',
      'nested quantifiers can backtrack catastrophically: ((ab)+c)*?',
    ],
    [
      '(a|aa)+',
      'repeated alternatives that can match the same text can backtrack catastrophically: (a|aa)+',
    ],
    [
      '(\\w|\\d)+',
      'repeated alternatives that can match the same text can backtrack catastrophically: (\\w|\\d)+',
    ],
    [
      '(a|)+',
      'repeated alternatives that can match the same text can backtrack catastrophically: (a|)+',
    ],
    [
      '(x(a|ab))*',
      'repeated alternatives that can match the same text can backtrack catastrophically: (x(a|ab))*',
    ],
    [
      '([\\u4e00-\\u9fff]|\\u5000)+',
      'repeated alternatives that can match the same text can backtrack catastrophically: ([\\u4e00-\\u9fff]|\\u5000)+',
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

  it('accepts what is bounded by a single repetition', () => {
    expect(checkSafeRegex('^(a+)?$')).toBeUndefined();
    expect(checkSafeRegex('^(a|aa){1}$')).toBeUndefined();
  });
});

describe('compileSafeRegex', () => {
  it('compiles with the u flag and reuses the compiled expression', () => {
    const regex = compileSafeRegex('^\\p{Lu}');
    expect(regex.flags).toBe('u');
    expect(regex.test('Ärger')).toBe(true);
    expect(compileSafeRegex('^\\p{Lu}')).toBe(regex);
  });

  it('throws with the problem', () => {
    expect(() => compileSafeRegex('(a+)+$')).toThrow(
      'Unsafe pattern /(a+)+$/: nested quantifiers can backtrack catastrophically: (a+)+',
    );
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
