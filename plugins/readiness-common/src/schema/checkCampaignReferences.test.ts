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

  describe('against a hostile file', () => {
    const BIG = {
      ...SCORECARD,
      levels: Array.from({ length: 40 }, (_, i) => ({
        ...SCORECARD.levels[0],
        id: `level-${i}`,
      })),
      checks: Array.from({ length: 300 }, (_, i) => ({
        ...SCORECARD.checks[0],
        id: `check-${i}`,
      })),
    };
    const campaignFor = (goal: { checks: string[] } | { level: string }) => ({
      source: 'c.yaml',
      campaign: {
        id: 'c',
        title: 'C',
        scorecard: 'demo',
        goal,
        startsAt: '2027-01-10',
        dueAt: '2027-03-31',
        reminderDays: [],
      },
      references: { scorecard: { line: 1, column: 1, path: 'spec.scorecard' } },
    });
    const BIG_SCORECARDS = new Map([[BIG.id, BIG]]);

    it('reports a bounded number of unknown checks, the last counting the rest', () => {
      const ids = Array.from({ length: 25_000 }, (_, i) => `made-up-id-${i}`);
      const problems = checkCampaignReferences(
        [campaignFor({ checks: ids })],
        BIG_SCORECARDS,
      );
      expect(problems).toHaveLength(20);
      expect(problems[0].message).toBe(
        'unknown check "made-up-id-0" of scorecard "demo" (checks: check-0, check-10, check-20, check-30, check-40, check-50, check-60, check-70, check-80, check-90 and 290 more)',
      );
      expect(problems[19].message).toMatch(
        /"made-up-id-19" .* and 290 more\); 24980 more unknown check\(s\) of this campaign not reported$/,
      );
      const length = problems.reduce((sum, p) => sum + p.message.length, 0);
      expect(length).toBeLessThan(20 * 300);
    });

    it('lists the closest few of many levels or scorecards', () => {
      expect(
        checkCampaignReferences(
          [campaignFor({ level: 'level-3x7' })],
          BIG_SCORECARDS,
        ).map(p => p.message),
      ).toEqual([
        'unknown level "level-3x7" of scorecard "demo" (did you mean "level-37"?)',
      ]);
      const [problem] = checkCampaignReferences(
        [campaignFor({ level: 'platinum' })],
        BIG_SCORECARDS,
      );
      expect(problem.message).toMatch(
        /^unknown level "platinum" of scorecard "demo" \(levels: (level-\d+, ){9}level-\d+ and 30 more\)$/,
      );
      const many = new Map(
        Array.from({ length: 50 }, (_, i) => [`card-${i}`, BIG] as const),
      );
      expect(
        checkCampaignReferences([campaignFor({ level: 'x' })], many)[0].message,
      ).toMatch(
        /^unknown scorecard "demo" \(scorecards: (card-\d+, ){9}card-\d+ and 40 more\)$/,
      );
    });
  });
});
