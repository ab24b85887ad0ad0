import { parseScorecardFile } from './parseScorecardFile';
import {
  knownFacts,
  problemsOf,
  withChecks,
  withCondition,
} from './__fixtures__/scorecards';
import { ScorecardLimits } from './limits';

const LEAF = '{ fact: catalog.owner, exists: true }';

/**
 * A valid condition of `levels` anchored levels, each an `all` of ten
 * aliases to the level below: level n expands to 10^n leaves.
 */
function aliasBomb(levels: number): string {
  const lines = [`\n        all:\n          - &l0 ${LEAF}`];
  for (let level = 1; level <= levels; level++) {
    const below = Array(10)
      .fill(`*l${level - 1}`)
      .join(', ');
    lines.push(`          - &l${level} { all: [${below}] }`);
  }
  return lines.join('\n');
}

/** A check with `condition`, indented for `withChecks`. */
function check(id: string, condition: string): string {
  return `    - id: ${id}
      title: A check
      category: ownership
      level: bronze
      weight: 1
      remediation: { text: Fix it. }
      condition: ${condition}
`;
}

function parse(text: string, limits?: Partial<ScorecardLimits>) {
  return parseScorecardFile(text, { source: 'x.yaml', knownFacts, limits });
}

describe('scorecard limits', () => {
  it('accepts a few levels of aliases', () => {
    expect(problemsOf(withCondition(aliasBomb(2)))).toEqual([]);
  });

  it.each([5, 30])('refuses %i levels of ten-fold aliases at once', levels => {
    // Before the limits, 5 levels took seconds and each level more ten
    // times as long.
    const text = withCondition(aliasBomb(levels));
    const started = Date.now();
    const problems = problemsOf(text);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(problems).toEqual([
      'x.yaml:28:50 spec.checks[0].condition.all[4].all[5]: aliases expand the document by more than 262144 bytes (limit maxAliasedBytes is 262144)',
    ]);
  });

  it('counts aliases inside aliased nodes each time they are expanded', () => {
    const problems = parse(withCondition(aliasBomb(2)), {
      maxAliasedBytes: 1000,
    }).problems;
    expect(problems.map(p => p.message)).toEqual([
      'aliases expand the document by more than 1000 bytes (limit maxAliasedBytes is 1000)',
    ]);
  });

  it('refuses an alias without an anchor before it', () => {
    expect(problemsOf(withCondition('*owner'))).toEqual([
      'x.yaml:22:18 spec.checks[0].condition: alias *owner refers to no anchor &owner before it',
    ]);
  });

  it('refuses an alias inside the node it refers to', () => {
    // The validator used to follow it until the stack overflowed.
    expect(problemsOf(withCondition('&loop { not: *loop }'))).toEqual([
      'x.yaml:22:31 spec.checks[0].condition.not: alias *loop is inside the node &loop it refers to',
    ]);
  });

  it('refuses a file over maxBytes before parsing it', () => {
    const text = withCondition(LEAF, `# ${'x'.repeat(300 * 1024)}\n`);
    expect(problemsOf(text)).toEqual([
      `x.yaml:1:1 the file is ${text.length} bytes (limit maxBytes is 262144)`,
    ]);
  });

  it('refuses brackets nested deeper than maxDepth before parsing', () => {
    // The YAML parser runs out of memory some thousands of levels deep.
    const text = withCondition(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(problemsOf(text)).toEqual([
      'x.yaml:22:82 brackets ([ or {) nest more than 64 levels deep (limit maxDepth is 64)',
    ]);
  });

  it('refuses conditions nested deeper than maxDepth, aliases expanded', () => {
    const nested = (depth: number) =>
      `${Array.from(
        { length: depth },
        (_, i) => `\n${' '.repeat(8 + 2 * i)}not:`,
      ).join('')} ${LEAF}`;
    expect(problemsOf(withCondition(nested(50)))).toEqual([]);
    // The condition is at level 5 (the document, spec, checks, the check).
    expect(problemsOf(withCondition(nested(70)))).toEqual([
      `x.yaml:83:129 spec.checks[0].condition${'.not'.repeat(
        60,
      )}: mappings and lists nest more than 64 levels deep here, aliases expanded (limit maxDepth is 64)`,
    ]);
  });

  it('counts the nesting of aliased nodes where they are used', () => {
    const nots = (count: number, inner: string) =>
      `${'{ not: '.repeat(count)}${inner}${' }'.repeat(count)}`;
    // 37 levels as written, 67 with the alias expanded.
    const condition = `{ all: [&deep ${nots(30, LEAF)}, ${nots(
      30,
      '*deep',
    )}] }`;
    expect(problemsOf(withCondition(condition))).toEqual([
      expect.stringContaining(
        'mappings and lists nest more than 64 levels deep here, aliases expanded (limit maxDepth is 64)',
      ),
    ]);
    expect(parse(withCondition(condition), { maxDepth: 67 }).problems).toEqual(
      [],
    );
  });

  it('refuses a check with more than maxConditionNodesPerCheck nodes', () => {
    const any = (count: number) =>
      `{ any: [${Array(count).fill(LEAF).join(', ')}] }`;
    expect(problemsOf(withCondition(any(499)))).toEqual([]);
    const problems = problemsOf(withCondition(any(500)));
    expect(problems).toEqual([
      expect.stringMatching(
        /^x\.yaml:22:\d+ spec\.checks\[0\]\.condition\.any\[499\]: the condition has more than 500 nodes, aliases expanded \(limit maxConditionNodesPerCheck is 500\)$/,
      ),
    ]);
  });

  it('refuses a scorecard with more than maxConditionNodes nodes', () => {
    const condition = `{ all: [${LEAF}, ${LEAF}] }`;
    const checks = ['a', 'b', 'c'].map(id => check(id, condition)).join('');
    expect(
      parse(withChecks(checks), { maxConditionNodes: 9 }).problems,
    ).toEqual([]);
    expect(
      parse(withChecks(checks), { maxConditionNodes: 8 }).problems,
    ).toEqual([
      {
        source: 'x.yaml',
        line: 36,
        column: 65,
        path: 'spec.checks[2].condition.all[1]',
        message:
          'the scorecard has more than 8 condition nodes, aliases expanded (limit maxConditionNodes is 8)',
      },
    ]);
  });

  describe('ids longer than the database columns', () => {
    const id = (length: number) => 'a'.repeat(length);
    const VALID = withChecks(check('owner-set', LEAF));

    it.each([
      ['scorecard name', 'name: demo', 'name: ', 'metadata.name', 4, 9],
      ['level id', 'id: bronze', 'id: ', 'spec.levels[0].id', 10, 13],
      ['category id', 'id: ownership', 'id: ', 'spec.categories[0].id', 13, 13],
      ['check id', 'id: owner-set', 'id: ', 'spec.checks[0].id', 16, 11],
    ])(
      'refuses a %s over 128 characters',
      (_, from, to, path, line, column) => {
        // References to the id are changed with it, so that only its
        // length is wrong.
        const withId = (length: number) =>
          VALID.replace(from, `${to}${id(length)}`).replace(
            new RegExp(`\\b${from.replace(/^.*: /, '')}\\b`, 'g'),
            id(length),
          );
        expect(problemsOf(withId(128))).toEqual([]);
        expect(problemsOf(withId(129))).toEqual([
          `x.yaml:${line}:${column} ${path}: "${id(
            40,
          )}…" is 129 characters long; ids may have at most 128, the size of the database columns that store them`,
        ]);
      },
    );
  });
});
