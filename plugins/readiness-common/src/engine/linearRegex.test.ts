import { compileLinearRegex } from './compileLinearRegex';
import { SubjectTooLongError } from './matchBudget';
import { parseRegex } from './regexSyntax';

/** A seeded generator, so that a failure can be reproduced. */
function random(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * below);
  };
}

/** Every string over `alphabet` up to `maxLength` characters. */
function allStrings(alphabet: string[], maxLength: number): string[] {
  const result = [''];
  let previous = [''];
  for (let length = 1; length <= maxLength; length++) {
    previous = previous.flatMap(s => alphabet.map(c => s + c));
    result.push(...previous);
  }
  return result;
}

/** Random patterns over a small alphabet, using every kind of node. */
function generatedPatterns(count: number, seed: number): string[] {
  const pick = random(seed);
  const atoms = ['a', 'b', '.', '[ab]', '[^a]', '\\w', '\\s', '-', '\\d'];
  const assertions = ['^', '$', '\\b', '\\B'];
  const quantifiers = ['*', '+', '?', '{2}', '{1,3}', '{0,2}', '{2,}', '*?'];

  function term(depth: number): string {
    const choice = pick(10);
    if (choice < 1) {
      return assertions[pick(assertions.length)];
    }
    let text =
      choice < 3 && depth > 0
        ? `(${pick(2) ? '?:' : ''}${alternation(depth - 1)})`
        : atoms[pick(atoms.length)];
    if (pick(2)) {
      text += quantifiers[pick(quantifiers.length)];
    }
    return text;
  }

  function sequence(depth: number): string {
    const length = pick(4);
    let text = '';
    for (let i = 0; i < length; i++) text += term(depth);
    return text;
  }

  function alternation(depth: number): string {
    const parts = [sequence(depth)];
    while (pick(3) === 0) parts.push(sequence(depth));
    return parts.join('|');
  }

  const patterns = new Set<string>();
  while (patterns.size < count) {
    patterns.add(alternation(2));
  }
  return [...patterns];
}

const FIXED_PATTERNS = [
  // from the scorecards and the validator's tests
  '\\bunit\\b',
  '\\b(integration|e2e|contract)\\b',
  'timeout=\\d',
  'fallback=\\w',
  '^\\d{4}-\\d{2}-\\d{2}',
  '^[a-z0-9-]+$',
  '^https://[^/]+/runbooks/',
  '^v\\d+\\.\\d+\\.\\d+$',
  '(?:\\.\\d+)?$',
  '^(foo|bar)+$',
  '^([a-z]|[0-9])*$',
  '^(?<team>team-[a-z]+)$',
  '^(ab)+$',
  'a{2,10}',
  '[\\]]+',
  '^run(book)?s?$',
  // once refused as catastrophic, now simply linear
  '(a+)+$',
  '^(a*)*$',
  '(.*a){3,}',
  '(?:x(a+)?)+',
  '((ab)+c)*?',
  '(a|aa)+$',
  '(\\w|\\d)+$',
  '(a|)+b',
  '(x(a|ab))*$',
  // the attacks of issue #13
  '.*.*.*.*x',
  '.*.*.*.*.*.*.*.*.*.*x',
  'a*a*a*b',
  '\\s*\\s*$',
  '[a-z]*[a-z]*!',
  // empty matches, assertions, alternatives that can be empty
  '',
  '^$',
  '^',
  '$',
  '\\b',
  '\\B',
  '(?:)',
  '(|a)b',
  '(?:a*)*b',
  '(?:^|-)a',
  'a(?:$|-)',
  '(?:\\b|a)+b',
  '^\\B$',
  // escapes and classes
  '\\0',
  '\\cJ',
  '\\x41',
  '\\u0041',
  '\\t|\\n',
  '[\\d-]+',
  '[^]',
  '[^\\s\\S]',
  '[]',
  '\\W\\D\\S',
  '\\/',
  '\\.',
  // lazy and counted
  'a+?b',
  'a{2,3}?$',
  '^a{0,2}$',
  '^(?:ab|a){2,}$',
  // Unicode
  '\\p{L}+',
  '^\\p{Lu}',
  '\\P{L}',
  '^.$',
  '^..$',
  '😀+',
  '^\\u{1F600}$',
  '^\\uD83D\\uDE00$',
  '\\uD83D',
  '[😀-😂]',
  '[^a]',
  'é|Ä',
];

const FIXED_SUBJECTS = [
  '',
  'a',
  'A',
  'aa',
  'ab',
  'unit tests',
  'has unit-tests',
  'units',
  'e2e and contract',
  'timeout=5',
  'fallback=_',
  '2024-01-31',
  'v1.2.3',
  'team-payments',
  'https://wiki/runbooks/x',
  'runbooks',
  'aaaaaaaaab',
  'xaab',
  'abc!',
  '  x  ',
  'line\nbreak',
  '\r',
  '\u2028',
  '\u2029',
  '\t',
  '\0',
  '😀',
  '😀😁😂x',
  'x😀',
  '\uD83D',
  '\uDE00',
  'a\uD83Db',
  'éÄ',
  'Ärger',
  '中文',
  '/.',
  '-a-',
  'A-',
];

/** Where the linear matcher answers otherwise than RegExp. */
function differences(patterns: string[], subjects: string[]): string[] {
  const found: string[] = [];
  for (const pattern of patterns) {
    const native = new RegExp(pattern, 'u');
    const linear = compileLinearRegex(pattern);
    for (const subject of subjects) {
      const expected = native.test(subject);
      if (linear.test(subject) !== expected) {
        found.push(
          `/${pattern}/ on ${JSON.stringify(subject)}: expected ${expected}`,
        );
      }
    }
  }
  return found;
}

describe('LinearRegex answers as RegExp with the u flag does', () => {
  it('for fixed patterns on fixed subjects', () => {
    expect(
      differences(FIXED_PATTERNS, [
        ...FIXED_SUBJECTS,
        ...allStrings(['a', 'b', 'x', '!', ' '], 3),
      ]),
    ).toEqual([]);
  });

  it('for generated patterns on every short subject over their alphabet', () => {
    expect(
      differences(
        generatedPatterns(400, 13),
        allStrings(['a', 'b', '-', ' ', '1'], 4),
      ),
    ).toEqual([]);
  });

  it('on long subjects, past the cache of automaton states', () => {
    // Many distinct sets of states: the cache fills up, and the rest of the
    // subject is followed without it.
    const pick = random(7);
    const subjects = Array.from({ length: 20 }, (_, i) =>
      Array.from({ length: 3000 }, () => 'ab '[pick(i < 10 ? 2 : 3)]).join(''),
    );
    subjects.push(`${'b'.repeat(2000)}${'a'.repeat(11)}b`);
    // Patterns on which backtracking is fast too.
    expect(
      differences(
        [
          'a[ab]{10}b$',
          'a[ab]{12}a',
          'a[ab]{8}b[ab]{3}$',
          'b[ab]{9}b{3}$',
          '\\ba[ab ]{9}b\\b',
          '\\Ba[ab]{9}\\B ',
          '^[ab]{3}.*a[ab ]{11}$',
        ],
        subjects,
      ),
    ).toEqual([]);
  });
});

describe('LinearRegex', () => {
  it('refuses backreferences, lookaround and inline flags', () => {
    expect(() => compileLinearRegex('(a)\\1')).toThrow(
      'backreferences are not allowed: \\1',
    );
    expect(() => compileLinearRegex('a(?=b)')).toThrow(
      'lookahead and lookbehind are not allowed: (?=b)',
    );
    expect(() => compileLinearRegex('(?i)a')).toThrow(
      /^regular expression does not compile: /,
    );
    // Node.js 20 does not compile `(?i:…)`; newer engines do, and the
    // automaton would ignore the flag.
    expect(parseRegex('(?i:a)')).toEqual([
      [expect.objectContaining({ type: 'group', modifiers: true })],
    ]);
  });

  it('refuses automata of more than 2000 states', () => {
    expect(compileLinearRegex('a{1998}').test('a'.repeat(1998))).toBe(true);
    expect(() => compileLinearRegex('a{2000}')).toThrow(
      'regular expression needs more than 2000 states (counted repetitions such as {100} are written out)',
    );
    expect(() => compileLinearRegex('(?:a{100}){100}')).toThrow(
      'needs more than 2000 states',
    );
    expect(() => compileLinearRegex('(?:){99999999}')).toThrow(
      'needs more than 2000 states',
    );
    expect(() => compileLinearRegex('a{20}', { maxStates: 20 })).toThrow(
      'needs more than 20 states',
    );
  });

  it('refuses text longer than its limit', () => {
    const regex = compileLinearRegex('a', { maxSubjectLength: 10 });
    expect(regex.test(`${'b'.repeat(9)}a`)).toBe(true);
    expect(() => regex.test('b'.repeat(11))).toThrow(SubjectTooLongError);
    expect(() => regex.test('b'.repeat(11))).toThrow(
      'the text is 11 characters long, longer than the 10 that patterns are matched against',
    );
  });
});

describe('LinearRegex takes time linear in the subject', () => {
  // Pattern, subject of a size, and whether it matches (at the very end).
  const attacks: Array<[string, (size: number) => string, boolean]> = [
    ['.*.*.*.*x', size => 'a'.repeat(size), false],
    ['.*.*.*.*.*.*.*.*.*.*x', size => 'a'.repeat(size), false],
    ['a*a*a*b', size => 'a'.repeat(size), false],
    ['\\s*\\s*$', size => `${' '.repeat(size)}x`, true],
    ['[a-z]*[a-z]*!', size => 'a'.repeat(size), false],
    ['(a+)+$', size => `${'a'.repeat(size)}b`, false],
    ['^(a|aa)*$', size => `${'a'.repeat(size)}b`, false],
    ['(?:a|b|ab)*c', size => 'ab'.repeat(size / 2), false],
    ['a[ab]{12}c', size => 'ab'.repeat(size / 2), false],
  ];

  function millisecondsFor(pattern: string, subject: string, answer: boolean) {
    const regex = compileLinearRegex(pattern);
    const start = performance.now();
    expect(regex.test(subject)).toBe(answer);
    return performance.now() - start;
  }

  it.each(attacks)('%s', (pattern, subject, answer) => {
    millisecondsFor(pattern, subject(1_000), answer); // warm-up
    const small = millisecondsFor(pattern, subject(10_000), answer);
    const large = millisecondsFor(pattern, subject(100_000), answer);
    // About 5 ms here; backtracking took 121 s on 40 characters.
    expect(large).toBeLessThan(1_000);
    // Ten times the text, about ten times the time; quadratic would be 100.
    expect(large).toBeLessThan(30 * Math.max(small, 2));
  });
});
