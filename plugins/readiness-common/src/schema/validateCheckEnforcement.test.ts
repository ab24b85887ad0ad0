import {
  knownFacts,
  OWNER_CHECK,
  problemsOf,
  withChecks,
} from './__fixtures__/scorecards';
import { parseScorecardFile } from './parseScorecardFile';

/** A scorecard whose only check has `extra` (indented by 6) on line 23. */
function withEnforcement(extra: string): string {
  return withChecks(`${OWNER_CHECK}${extra}`);
}

function checkOf(text: string) {
  const { scorecards, problems } = parseScorecardFile(text, {
    source: 'x.yaml',
    knownFacts,
  });
  expect(problems).toEqual([]);
  return scorecards[0].checks[0];
}

describe('check enforcement', () => {
  it('reads enforcement and enforcedFrom, and leaves them out when absent', () => {
    expect(checkOf(withEnforcement(''))).not.toHaveProperty('enforcement');
    expect(
      checkOf(withEnforcement('      enforcement: advisory\n')),
    ).toMatchObject({ enforcement: 'advisory' });
    const dated = checkOf(withEnforcement('      enforcedFrom: 2027-04-01\n'));
    expect(dated.enforcedFrom).toBe('2027-04-01');
    expect(dated).not.toHaveProperty('enforcement');
    expect(
      checkOf(
        withEnforcement(
          '      enforcement: enforced\n      enforcedFrom: 2027-04-01\n',
        ),
      ),
    ).toMatchObject({ enforcement: 'enforced', enforcedFrom: '2027-04-01' });
  });

  it.each([
    [
      'an unknown enforcement',
      '      enforcement: advisroy\n',
      [
        'x.yaml:23:20 spec.checks[0].enforcement: unknown enforcement "advisroy" (did you mean "advisory"?)',
      ],
    ],
    [
      'an enforcedFrom that is not a day',
      '      enforcedFrom: next spring\n',
      [
        'x.yaml:23:21 spec.checks[0].enforcedFrom: "next spring" is not a day on the calendar written YYYY-MM-DD, such as 2027-03-31',
      ],
    ],
    [
      'an advisory check with an enforcedFrom',
      '      enforcement: advisory\n      enforcedFrom: 2027-04-01\n',
      [
        'x.yaml:24:7 spec.checks[0].enforcedFrom: an advisory check is never enforced: give either "enforcement: advisory" or "enforcedFrom", not both',
      ],
    ],
    [
      'a misspelt enforcedFrom',
      '      enforcedFom: 2027-04-01\n',
      [
        'x.yaml:23:7 spec.checks[0].enforcedFom: unknown key "enforcedFom" (did you mean "enforcedFrom"?)',
      ],
    ],
  ])('reports %s', (_, extra, expected) => {
    expect(problemsOf(withEnforcement(extra))).toEqual(expected);
  });
});
