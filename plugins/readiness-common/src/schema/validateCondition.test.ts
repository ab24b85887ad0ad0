import {
  problemsOf,
  withChecks,
  withCondition,
} from './__fixtures__/scorecards';

/** A check `id` with `condition` on its last line, 7 lines in all. */
function check(id: string, condition: string): string {
  return `    - id: ${id}
      title: Check ${id}
      category: ownership
      level: bronze
      weight: 1
      remediation: { text: Fix it. }
      condition: ${condition}
`;
}

describe('condition validation', () => {
  it.each([
    '{ fact: catalog.owner, exists: false }',
    '{ fact: catalog.owner, notEquals: nobody }',
    '{ fact: github.openIssues, in: [0, 1] }',
    '{ fact: github.archived, equals: false }',
    '{ fact: catalog.tags, contains: ai }',
    '{ fact: catalog.tags, prefix: team- }',
    "{ fact: catalog.tags, matches: '^(ai|ml)$' }",
    '{ fact: catalog.annotations, exists: true }',
    '{ fact: catalog.annotations, key: a/b, equals: x }',
    '{ fact: github.openIssues, gte: 0, maxAge: PT12H }',
    '{ fact: github.openIssues, maxAge: 30m }',
    '{ not: { any: [{ fact: catalog.owner, exists: true }] } }',
    '{ firstKnown: [{ fact: github.archived, equals: false }, { fact: catalog.owner, exists: true }] }',
  ])('accepts %s', condition => {
    expect(problemsOf(withCondition(condition))).toEqual([]);
  });

  it.each([
    [
      'a misspelt fact',
      '{ fact: catalog.ownr, exists: true }',
      [
        'x.yaml:22:26 spec.checks[0].condition.fact: unknown fact "catalog.ownr" (did you mean "catalog.owner"?)',
      ],
    ],
    [
      'a fact no collector provides',
      '{ fact: pagerduty.oncall, exists: true }',
      [
        'x.yaml:22:26 spec.checks[0].condition.fact: unknown fact "pagerduty.oncall"; is the collector that provides it installed?',
      ],
    ],
    [
      'two kinds of condition in one',
      '{ fact: catalog.owner, any: [] }',
      [
        'x.yaml:22:20 spec.checks[0].condition.fact: a condition takes exactly one of all, any, firstKnown, not, fact, attestation or check; found "any" and "fact" (wrap them in all or any)',
      ],
    ],
    [
      'no kind of condition',
      '{ exists: true }',
      [
        'x.yaml:22:18 spec.checks[0].condition: a condition needs one of all, any, firstKnown, not, fact, attestation or check',
      ],
    ],
    [
      'a misspelt kind',
      '{ fcat: catalog.owner, exists: true }',
      [
        'x.yaml:22:20 spec.checks[0].condition.fcat: unknown key "fcat" (did you mean "fact"?)',
      ],
    ],
    [
      'an empty all',
      '{ all: [] }',
      [
        'x.yaml:22:25 spec.checks[0].condition.all: "all" needs at least one condition',
      ],
    ],
    [
      'an empty firstKnown',
      '{ firstKnown: [] }',
      [
        'x.yaml:22:32 spec.checks[0].condition.firstKnown: "firstKnown" needs at least one condition',
      ],
    ],
    [
      'an any that is not a list',
      '{ any: { fact: catalog.owner, exists: true } }',
      [
        'x.yaml:22:25 spec.checks[0].condition.any: must be a list, got a mapping',
      ],
    ],
    [
      'a not that is not a mapping',
      '{ not: [] }',
      [
        'x.yaml:22:25 spec.checks[0].condition.not: must be a mapping, got an empty list',
      ],
    ],
    [
      'a condition that is not a mapping',
      'catalog.owner',
      [
        'x.yaml:22:18 spec.checks[0].condition: must be a mapping, got the string "catalog.owner"',
      ],
    ],
    [
      'a key on a fact that is not a map',
      '{ fact: catalog.owner, key: x, exists: true }',
      [
        'x.yaml:22:46 spec.checks[0].condition.key: "key" only applies to string-map facts, but catalog.owner is a string',
      ],
    ],
    [
      'two operators',
      '{ fact: catalog.owner, exists: true, equals: x }',
      [
        'x.yaml:22:55 spec.checks[0].condition.equals: a fact condition takes one operator, found "exists" and "equals"; combine conditions with all or any',
      ],
    ],
    [
      'no operator',
      '{ fact: catalog.owner }',
      [
        'x.yaml:22:18 spec.checks[0].condition: a fact condition needs an operator: exists, equals, notEquals, in, contains, prefix, matches, lt, lte, gt or gte',
      ],
    ],
    [
      'a misspelt operator',
      '{ fact: catalog.owner, equal: x }',
      [
        'x.yaml:22:18 spec.checks[0].condition: a fact condition needs an operator: exists, equals, notEquals, in, contains, prefix, matches, lt, lte, gt or gte',
        'x.yaml:22:41 spec.checks[0].condition.equal: unknown key "equal" (did you mean "equals"?)',
      ],
    ],
    [
      'a maxAge that is not a duration',
      '{ fact: github.openIssues, maxAge: 7 days }',
      [
        'x.yaml:22:53 spec.checks[0].condition.maxAge: "7 days" is not a duration; use e.g. 30m, 12h, 7d or P7D',
      ],
    ],
    [
      'a comparison of a string',
      '{ fact: catalog.owner, lt: 3 }',
      [
        'x.yaml:22:41 spec.checks[0].condition.lt: "lt" needs a number fact, but catalog.owner is a string',
      ],
    ],
    [
      'contains on a number',
      "{ fact: github.openIssues, contains: '1' }",
      [
        'x.yaml:22:45 spec.checks[0].condition.contains: "contains" needs a string or string-list fact, but github.openIssues is a number',
      ],
    ],
    [
      'equals on a list',
      '{ fact: catalog.tags, equals: ai }',
      [
        'x.yaml:22:40 spec.checks[0].condition.equals: "equals" needs a string, number or boolean fact, but catalog.tags is a string-list (use "contains" for a list)',
      ],
    ],
    [
      'equals on a map without a key',
      '{ fact: catalog.annotations, equals: x }',
      [
        'x.yaml:22:47 spec.checks[0].condition.equals: "equals" needs a "key" to test one entry of the string-map fact catalog.annotations',
      ],
    ],
    [
      'a value of another type than the fact',
      "{ fact: github.archived, equals: 'true' }",
      [
        'x.yaml:22:51 spec.checks[0].condition.equals: must be a boolean, got the string "true"',
      ],
    ],
    [
      'an element of in of another type than the fact',
      '{ fact: github.openIssues, in: [1, two] }',
      [
        'x.yaml:22:53 spec.checks[0].condition.in[1]: must be a number, got the string "two"',
      ],
    ],
    [
      'an empty in',
      '{ fact: catalog.owner, in: [] }',
      [
        'x.yaml:22:45 spec.checks[0].condition.in: "in" needs at least one value',
      ],
    ],
    [
      'exists with something else than a boolean',
      '{ fact: catalog.owner, exists: yes }',
      [
        'x.yaml:22:49 spec.checks[0].condition.exists: must be true or false, got the string "yes"',
      ],
    ],
    [
      'a pattern with lookahead',
      "{ fact: catalog.owner, matches: 'a(?=b)' }",
      [
        'x.yaml:22:50 spec.checks[0].condition.matches: lookahead and lookbehind are not allowed: (?=b)',
      ],
    ],
    [
      'a misspelt check reference',
      '{ check: owner-st }',
      [
        'x.yaml:22:27 spec.checks[0].condition.check: unknown check "owner-st" (did you mean "owner-set"?)',
      ],
    ],
    [
      'a check referring to itself',
      '{ check: owner-set }',
      [
        'x.yaml:22:27 spec.checks[0].condition.check: a check cannot refer to itself',
      ],
    ],
  ])('reports %s', (_, condition, expected) => {
    expect(problemsOf(withCondition(condition))).toEqual(expected);
  });

  it('reports problems deep in a condition with their path', () => {
    const condition = `
        any:
          - { fact: catalog.owner, exists: true }
          - all:
              - { fact: catalog.tags, contans: ai }`;
    expect(problemsOf(withCondition(condition))).toEqual([
      'x.yaml:26:17 spec.checks[0].condition.any[1].all[0]: a fact condition needs an operator: exists, equals, notEquals, in, contains, prefix, matches, lt, lte, gt or gte',
      'x.yaml:26:39 spec.checks[0].condition.any[1].all[0].contans: unknown key "contans" (did you mean "contains"?)',
    ]);
  });

  it('accepts references to checks defined later', () => {
    const checks =
      check('a', '{ all: [{ check: b }, { check: c }] }') +
      check('b', '{ check: c }') +
      check('c', '{ fact: catalog.owner, exists: true }');
    expect(problemsOf(withChecks(checks))).toEqual([]);
  });

  it('reports each cycle of check references once', () => {
    const checks =
      check('a', '{ check: b }') +
      check('b', '{ any: [{ check: a }, { check: c }] }') +
      check('c', '{ not: { check: d } }') +
      check('d', '{ check: b }');
    expect(problemsOf(withChecks(checks))).toEqual([
      'x.yaml:29:35 spec.checks[1].condition.any[0].check: check references form a cycle: a -> b -> a',
      'x.yaml:43:27 spec.checks[3].condition.check: check references form a cycle: b -> c -> d -> b',
    ]);
  });
});
