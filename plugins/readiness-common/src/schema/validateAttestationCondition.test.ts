import { parseScorecardFile } from './parseScorecardFile';
import {
  knownFacts,
  problemsOf,
  withCondition,
} from './__fixtures__/scorecards';

describe('attestation conditions', () => {
  it.each([
    '{ attestation: dr-rehearsed }',
    '{ attestation: dr-rehearsed, maxAge: 365d }',
    '{ attestation: load-tested-2, maxAge: P180D }',
    `{ attestation: ${'a'.repeat(63)} }`,
    '{ any: [{ fact: catalog.owner, exists: true }, { attestation: x, maxAge: 26w }] }',
    '{ firstKnown: [{ attestation: rollback-tested, maxAge: 90d }, { fact: catalog.owner, exists: true }] }',
  ])('accepts %s', condition => {
    expect(problemsOf(withCondition(condition))).toEqual([]);
  });

  it('reads the id and the maxAge', () => {
    const { scorecards } = parseScorecardFile(
      withCondition(
        '{ all: [{ attestation: dr-rehearsed, maxAge: 365d }, { attestation: x }] }',
      ),
      { source: 'x.yaml', knownFacts },
    );
    expect(scorecards[0].checks[0].condition).toEqual({
      all: [
        { attestation: 'dr-rehearsed', maxAge: '365d' },
        { attestation: 'x' },
      ],
    });
  });

  it.each([
    [
      'an id with capitals and spaces',
      '{ attestation: DR Rehearsed }',
      [
        'x.yaml:22:33 spec.checks[0].condition.attestation: "DR Rehearsed" is not an attestation id: use lower-case letters, digits and single dashes, e.g. dr-rehearsed (did you mean "dr-rehearsed"?)',
      ],
    ],
    [
      'an id with a trailing dash',
      '{ attestation: dr- }',
      [
        'x.yaml:22:33 spec.checks[0].condition.attestation: "dr-" is not an attestation id: use lower-case letters, digits and single dashes, e.g. dr-rehearsed (did you mean "dr"?)',
      ],
    ],
    [
      'an id that is too long',
      `{ attestation: ${'a'.repeat(64)} }`,
      [
        'x.yaml:22:33 spec.checks[0].condition.attestation: "aaaaaaaaaaaaaaaaaaaa…" is 64 characters long; an attestation id has at most 63',
      ],
    ],
    [
      'an id that is not a string',
      '{ attestation: 3 }',
      [
        'x.yaml:22:33 spec.checks[0].condition.attestation: must be a non-empty string, got the number 3',
      ],
    ],
    [
      'a maxAge that is not a duration',
      '{ attestation: dr-rehearsed, maxAge: 1 year }',
      [
        'x.yaml:22:55 spec.checks[0].condition.maxAge: "1 year" is not a duration; use e.g. 90d, 26w or P180D',
      ],
    ],
    [
      'a maxAge in months',
      '{ attestation: dr-rehearsed, maxAge: P6M }',
      [
        'x.yaml:22:55 spec.checks[0].condition.maxAge: "P6M" is not a duration; use e.g. 90d, 26w or P180D',
      ],
    ],
    [
      'an operator on an attestation',
      '{ attestation: dr-rehearsed, equals: true }',
      [
        'x.yaml:22:47 spec.checks[0].condition.equals: unknown key "equals" (allowed: attestation, maxAge)',
      ],
    ],
    [
      'an attestation and a fact in one',
      '{ attestation: dr-rehearsed, fact: catalog.owner, exists: true }',
      [
        'x.yaml:22:20 spec.checks[0].condition.attestation: a condition takes exactly one of all, any, firstKnown, not, fact, attestation or check; found "fact" and "attestation" (wrap them in all or any)',
      ],
    ],
    [
      'a misspelt attestation',
      '{ attestaton: dr-rehearsed }',
      [
        'x.yaml:22:20 spec.checks[0].condition.attestaton: unknown key "attestaton" (did you mean "attestation"?)',
      ],
    ],
  ])('reports %s', (_, condition, expected) => {
    expect(problemsOf(withCondition(condition))).toEqual(expected);
  });

  it('counts towards the condition budget', () => {
    const parts = Array.from({ length: 3 }, () => '{ attestation: x }');
    const { problems } = parseScorecardFile(
      withCondition(`{ all: [${parts.join(', ')}] }`),
      {
        source: 'x.yaml',
        knownFacts,
        limits: { maxConditionNodesPerCheck: 3 },
      },
    );
    expect(problems.map(p => p.message)).toEqual([
      'the condition has more than 3 nodes, aliases expanded (limit maxConditionNodesPerCheck is 3)',
    ]);
  });
});
