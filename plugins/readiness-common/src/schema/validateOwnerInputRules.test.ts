import { parseScorecardFile } from './parseScorecardFile';
import { knownFacts, problemsOf, withChecks } from './__fixtures__/scorecards';

/** A valid check, lines 16–22 of the scorecard, with `more` after line 21. */
function check(more = ''): string {
  return `    - id: owner-set
      title: Has an owner
      category: ownership
      level: bronze
      weight: 1
      condition: { fact: catalog.owner, exists: true }
${more}      remediation: { text: Set spec.owner. }
`;
}

/** A scorecard with the rules `rules` (from line 23) after its one check. */
function withRules(rules: string, more = ''): string {
  return withChecks(check(more), rules);
}

describe('exemption and attestation rules', () => {
  it('reads spec.exemptions, spec.attestations and exemptible', () => {
    const text = withRules(
      '  exemptions: { maxDays: 30 }\n  attestations: { requireConfirmation: true }\n',
      '      exemptible: false\n',
    );
    const { scorecards, problems } = parseScorecardFile(text, {
      source: 'x.yaml',
      knownFacts,
    });
    expect(problems).toEqual([]);
    expect(scorecards[0]).toMatchObject({
      exemptions: { maxDays: 30 },
      attestations: { requireConfirmation: true },
      checks: [{ id: 'owner-set', exemptible: false }],
    });
  });

  it('leaves them out when the file does', () => {
    const [scorecard] = parseScorecardFile(withRules(''), {
      source: 'x.yaml',
      knownFacts,
    }).scorecards;
    expect(scorecard).not.toHaveProperty('exemptions');
    expect(scorecard).not.toHaveProperty('attestations');
    expect(scorecard.checks[0]).not.toHaveProperty('exemptible');
  });

  it.each([
    ['1 day', '  exemptions: { maxDays: 1 }\n'],
    ['ten years', '  exemptions: { maxDays: 3650 }\n'],
    ['no confirmation', '  attestations: { requireConfirmation: false }\n'],
  ])('accepts %s', (_, rules) => {
    expect(problemsOf(withRules(rules))).toEqual([]);
  });

  it.each([
    [
      'a maxDays of zero',
      '  exemptions: { maxDays: 0 }\n',
      [
        'x.yaml:23:26 spec.exemptions.maxDays: must be a whole number of days from 1 to 3650, got 0',
      ],
    ],
    [
      'a maxDays beyond ten years',
      '  exemptions: { maxDays: 3651 }\n',
      [
        'x.yaml:23:26 spec.exemptions.maxDays: must be a whole number of days from 1 to 3650, got 3651',
      ],
    ],
    [
      'a fractional maxDays',
      '  exemptions: { maxDays: 1.5 }\n',
      [
        'x.yaml:23:26 spec.exemptions.maxDays: must be a whole number of days from 1 to 3650, got 1.5',
      ],
    ],
    [
      'a maxDays that is not a number',
      '  exemptions: { maxDays: 90d }\n',
      [
        'x.yaml:23:26 spec.exemptions.maxDays: must be a number, got the string "90d"',
      ],
    ],
    [
      'exemptions without maxDays',
      '  exemptions: {}\n',
      ['x.yaml:23:15 spec.exemptions: missing required key "maxDays"'],
    ],
    [
      'a misspelt key of exemptions',
      '  exemptions: { maxDays: 30, maxDay: 3 }\n',
      [
        'x.yaml:23:30 spec.exemptions.maxDay: unknown key "maxDay" (did you mean "maxDays"?)',
      ],
    ],
    [
      'exemptions that are not a mapping',
      '  exemptions: 30\n',
      ['x.yaml:23:15 spec.exemptions: must be a mapping, got the number 30'],
    ],
    [
      'a requireConfirmation that is not a boolean',
      '  attestations: { requireConfirmation: yes }\n',
      [
        'x.yaml:23:40 spec.attestations.requireConfirmation: must be true or false, got the string "yes"',
      ],
    ],
    [
      'attestations without requireConfirmation',
      '  attestations: { confirm: true }\n',
      [
        'x.yaml:23:17 spec.attestations: missing required key "requireConfirmation"',
        'x.yaml:23:19 spec.attestations.confirm: unknown key "confirm" (allowed: requireConfirmation)',
      ],
    ],
    [
      'a misspelt spec key',
      '  exemption: { maxDays: 30 }\n',
      [
        'x.yaml:23:3 spec.exemption: unknown key "exemption" (did you mean "exemptions"?)',
      ],
    ],
  ])('reports %s', (_, rules, expected) => {
    expect(problemsOf(withRules(rules))).toEqual(expected);
  });

  it.each([
    [
      'an exemptible that is not a boolean',
      '      exemptible: no\n',
      [
        'x.yaml:22:19 spec.checks[0].exemptible: must be true or false, got the string "no"',
      ],
    ],
    [
      'a misspelt exemptible',
      '      exemptable: false\n',
      [
        'x.yaml:22:7 spec.checks[0].exemptable: unknown key "exemptable" (did you mean "exemptible"?)',
      ],
    ],
  ])('reports %s', (_, more, expected) => {
    expect(problemsOf(withRules('', more))).toEqual(expected);
  });
});
