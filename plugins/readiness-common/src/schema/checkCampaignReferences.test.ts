import { ScorecardDefinition } from '../types';
import { knownFacts, withChecks } from './__fixtures__/scorecards';
import { checkCampaignReferences } from './checkCampaignReferences';
import { parseScorecardFile } from './parseScorecardFile';
import { formatScorecardProblem } from './problems';

const checkYaml = (id: string, level: string) => `    - id: ${id}
      title: ${id}
      category: ownership
      level: ${level}
      weight: 1
      condition: { fact: catalog.owner, exists: true }
      remediation: { text: Fix it. }
`;

const SCORECARD = parseScorecardFile(
  withChecks(
    `${checkYaml('owner-set', 'bronze')}${checkYaml('has-docs', 'silver')}`,
  ),
  { source: 's.yaml', knownFacts },
).scorecards[0];

const SCORECARDS = new Map<string, ScorecardDefinition>([
  [SCORECARD.id, SCORECARD],
]);

/** The reference problems of a campaign file with this spec (from line 6). */
function referenceProblems(spec: string): string[] {
  const text = `apiVersion: readiness/v1
kind: Campaign
metadata: { name: c, title: C }
spec:
  startsAt: 2027-01-10
${spec}  dueAt: 2027-03-31
`;
  const parsed = parseScorecardFile(text, { source: 'c.yaml', knownFacts });
  expect(parsed.problems).toEqual([]);
  return checkCampaignReferences(parsed.campaigns, SCORECARDS).map(
    formatScorecardProblem,
  );
}

describe('checkCampaignReferences', () => {
  it('accepts references to a scorecard, its level and its checks', () => {
    expect(
      referenceProblems('  scorecard: demo\n  goal: { level: silver }\n'),
    ).toEqual([]);
    expect(
      referenceProblems(
        '  scorecard: demo\n  goal: { checks: [owner-set, has-docs] }\n',
      ),
    ).toEqual([]);
  });

  it('reports an unknown scorecard at its name, with the one meant', () => {
    expect(
      referenceProblems('  scorecard: dmeo\n  goal: { level: silver }\n'),
    ).toEqual([
      'c.yaml:6:14 spec.scorecard: unknown scorecard "dmeo" (did you mean "demo"?)',
    ]);
    expect(
      referenceProblems('  scorecard: security\n  goal: { level: silver }\n'),
    ).toEqual([
      'c.yaml:6:14 spec.scorecard: unknown scorecard "security" (scorecards: demo)',
    ]);
  });

  it('reports a level the scorecard does not have', () => {
    expect(
      referenceProblems('  scorecard: demo\n  goal: { level: silvr }\n'),
    ).toEqual([
      'c.yaml:7:18 spec.goal.level: unknown level "silvr" of scorecard "demo" (did you mean "silver"?)',
    ]);
    expect(
      referenceProblems('  scorecard: demo\n  goal: { level: gold }\n'),
    ).toEqual([
      'c.yaml:7:18 spec.goal.level: unknown level "gold" of scorecard "demo" (levels: bronze, silver)',
    ]);
  });

  it('reports each goal check the scorecard does not have, at its place', () => {
    expect(
      referenceProblems(
        '  scorecard: demo\n  goal: { checks: [has-doc, owner-set, slos] }\n',
      ),
    ).toEqual([
      'c.yaml:7:20 spec.goal.checks[0]: unknown check "has-doc" of scorecard "demo" (did you mean "has-docs"?)',
      'c.yaml:7:40 spec.goal.checks[2]: unknown check "slos" of scorecard "demo" (checks: owner-set, has-docs)',
    ]);
  });

  it('reports at the scorecard a goal whose references were not located', () => {
    const problems = checkCampaignReferences(
      [
        {
          source: 'app-config',
          campaign: {
            id: 'c',
            title: 'C',
            scorecard: 'demo',
            goal: { checks: ['nope'] },
            startsAt: '2027-01-10',
            dueAt: '2027-03-31',
            reminderDays: [],
          },
          references: { scorecard: { line: 1, column: 1, path: 'scorecard' } },
        },
      ],
      SCORECARDS,
    );
    expect(problems.map(formatScorecardProblem)).toEqual([
      'app-config:1:1 scorecard: unknown check "nope" of scorecard "demo" (checks: owner-set, has-docs)',
    ]);
  });
});
