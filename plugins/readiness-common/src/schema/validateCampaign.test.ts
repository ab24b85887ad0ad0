import { CampaignDefinition } from '../campaigns';
import {
  knownFacts,
  OWNER_CHECK,
  problemsOf,
  withChecks,
} from './__fixtures__/scorecards';
import { parseScorecardFile } from './parseScorecardFile';

/** A valid campaign; the tests change one piece of it at a time. */
const VALID = `apiVersion: readiness/v1
kind: Campaign
metadata:
  name: slo-everywhere
  title: SLOs for every tier-1 service
  owner: group:default/sre
spec:
  scorecard: production-readiness
  goal: { checks: [slos, alerting] }
  appliesTo: { metadata.labels.tier: '1' }
  startsAt: 2027-01-10
  dueAt: 2027-03-31
  reminders: [14d, 7d, 1d]
  onComplete: { promote: true }
`;

const EXPECTED: CampaignDefinition = {
  id: 'slo-everywhere',
  title: 'SLOs for every tier-1 service',
  owner: 'group:default/sre',
  scorecard: 'production-readiness',
  goal: { checks: ['slos', 'alerting'] },
  appliesTo: { 'metadata.labels.tier': '1' },
  startsAt: '2027-01-10',
  dueAt: '2027-03-31',
  reminderDays: [14, 7, 1],
  onComplete: { promote: true },
};

function changed(from: string, to: string): string {
  if (!VALID.includes(from)) {
    throw new Error(`The valid campaign has no ${from}`);
  }
  return VALID.replace(from, to);
}

function parse(text: string) {
  return parseScorecardFile(text, { source: 'x.yaml', knownFacts });
}

describe('campaign validation', () => {
  it('reads the example campaign, with where it names its scorecard and checks', () => {
    expect(parse(VALID)).toEqual({
      scorecards: [],
      campaigns: [
        {
          campaign: EXPECTED,
          source: 'x.yaml',
          references: {
            scorecard: { line: 8, column: 14, path: 'spec.scorecard' },
            checks: [
              { line: 9, column: 20, path: 'spec.goal.checks[0]' },
              { line: 9, column: 26, path: 'spec.goal.checks[1]' },
            ],
          },
        },
      ],
      problems: [],
    });
  });

  it('reads a level goal, a description and the defaults', () => {
    const text = changed(
      'goal: { checks: [slos, alerting] }',
      'goal: { level: silver }',
    )
      .replace('  reminders: [14d, 7d, 1d]\n', '')
      .replace('  onComplete: { promote: true }\n', '')
      .replace("  appliesTo: { metadata.labels.tier: '1' }\n", '')
      .replace(
        '  owner: group:default/sre\n',
        '  description: Why SLOs matter\n',
      );
    const [parsed] = parse(text).campaigns;
    expect(parsed.campaign).toEqual({
      id: 'slo-everywhere',
      title: 'SLOs for every tier-1 service',
      description: 'Why SLOs matter',
      scorecard: 'production-readiness',
      goal: { level: 'silver' },
      startsAt: '2027-01-10',
      dueAt: '2027-03-31',
      reminderDays: [14, 7, 1],
    });
    expect(parsed.references).toEqual({
      scorecard: { line: 8, column: 14, path: 'spec.scorecard' },
      level: { line: 9, column: 18, path: 'spec.goal.level' },
    });
  });

  it('reads unquoted days as the day written, under YAML 1.1 too', () => {
    const [parsed] = parse(`%YAML 1.1\n---\n${VALID}`).campaigns;
    expect(parsed.campaign.startsAt).toBe('2027-01-10');
    expect(parsed.campaign.dueAt).toBe('2027-03-31');
  });

  it('sorts reminders largest first, and an empty list means none', () => {
    const sorted = parse(changed('[14d, 7d, 1d]', '[1d, 30d, 7d]'));
    expect(sorted.campaigns[0].campaign.reminderDays).toEqual([30, 7, 1]);
    const none = parse(changed('[14d, 7d, 1d]', '[]'));
    expect(none.campaigns[0].campaign.reminderDays).toEqual([]);
  });

  it.each([
    [
      'another apiVersion',
      changed('readiness/v1', 'readiness/v2'),
      ['x.yaml:1:13 apiVersion: must be "readiness/v1", got "readiness/v2"'],
    ],
    [
      'an unknown kind, naming both kinds and nothing else',
      changed('kind: Campaign', 'kind: Campain').replace('slo-', 'SLO '),
      ['x.yaml:2:7 kind: must be "Scorecard" or "Campaign", got "Campain"'],
    ],
    [
      'a misspelt top-level key',
      changed('spec:', 'spek:'),
      [
        'x.yaml:1:1 missing required key "spec"',
        'x.yaml:7:1 spek: unknown key "spek" (did you mean "spec"?)',
      ],
    ],
    [
      'a missing title',
      changed('  title: SLOs for every tier-1 service\n', ''),
      ['x.yaml:4:3 metadata: missing required key "title"'],
    ],
    [
      'a name that is not a slug',
      changed('name: slo-everywhere', 'name: SLO Everywhere'),
      [
        'x.yaml:4:9 metadata.name: "SLO Everywhere" is not valid: use lowercase letters, digits and single dashes, e.g. slo-everywhere',
      ],
    ],
    [
      'an owner that is not an entity ref',
      changed('group:default/sre', 'sre'),
      [
        'x.yaml:6:10 metadata.owner: must be an entity ref such as group:default/platform-team: Entity reference "sre" had missing or empty kind (e.g. did not start with "component:" or similar)',
      ],
    ],
    [
      'a misspelt spec key',
      changed('  dueAt: 2027-03-31', '  dueAt: 2027-03-31\n  remnders: [1d]'),
      [
        'x.yaml:13:3 spec.remnders: unknown key "remnders" (did you mean "reminders"?)',
      ],
    ],
    [
      'a missing scorecard',
      changed('  scorecard: production-readiness\n', ''),
      ['x.yaml:8:3 spec: missing required key "scorecard"'],
    ],
    [
      'a goal that is not a mapping',
      changed('{ checks: [slos, alerting] }', '[slos]'),
      ['x.yaml:9:9 spec.goal: must be a mapping, got a list'],
    ],
    [
      'a goal with both checks and level',
      changed(
        '{ checks: [slos, alerting] }',
        '{ checks: [slos], level: silver }',
      ),
      [
        'x.yaml:9:27 spec.goal.level: give either "checks" or "level", not both',
      ],
    ],
    [
      'a goal with neither',
      changed('{ checks: [slos, alerting] }', '{ levle: silver }'),
      [
        'x.yaml:9:9 spec.goal: a goal needs "checks" (a list of check ids) or "level" (a level id)',
        'x.yaml:9:11 spec.goal.levle: unknown key "levle" (did you mean "level"?)',
      ],
    ],
    [
      'an empty list of goal checks',
      changed('[slos, alerting]', '[]'),
      ['x.yaml:9:19 spec.goal.checks: must list at least one check id'],
    ],
    [
      'a goal check that is not a string, and a repeated one',
      changed('[slos, alerting]', '[slos, 3, slos]'),
      [
        'x.yaml:9:26 spec.goal.checks[1]: must be a check id, got the number 3',
        'x.yaml:9:29 spec.goal.checks[2]: duplicate "slos", first listed at line 9',
      ],
    ],
    [
      'a level that is not a string',
      changed('{ checks: [slos, alerting] }', '{ level: [silver] }'),
      ['x.yaml:9:18 spec.goal.level: must be a non-empty string, got a list'],
    ],
    [
      'an invalid appliesTo',
      changed("{ metadata.labels.tier: '1' }", 'tier-1'),
      [
        'x.yaml:10:14 spec.appliesTo: not a valid entity predicate such as { kind: component, spec.type: service }: Validation error: Expected object, received string',
      ],
    ],
    [
      'a missing startsAt',
      changed('  startsAt: 2027-01-10\n', ''),
      ['x.yaml:8:3 spec: missing required key "startsAt"'],
    ],
    [
      'a day that is not on the calendar',
      changed('dueAt: 2027-03-31', 'dueAt: 2027-02-30'),
      [
        'x.yaml:12:10 spec.dueAt: "2027-02-30" is not a day on the calendar written YYYY-MM-DD, such as 2027-03-31',
      ],
    ],
    [
      'a day with a time',
      changed('dueAt: 2027-03-31', "dueAt: '2027-03-31T12:00:00Z'"),
      [
        'x.yaml:12:10 spec.dueAt: "2027-03-31T12:00:00Z" is not a day on the calendar written YYYY-MM-DD, such as 2027-03-31',
      ],
    ],
    [
      'a day that is a number',
      changed('startsAt: 2027-01-10', 'startsAt: 20270110'),
      [
        'x.yaml:11:13 spec.startsAt: must be a day written YYYY-MM-DD, got the number 20270110',
      ],
    ],
    [
      'a deadline before the start',
      changed('dueAt: 2027-03-31', 'dueAt: 2027-01-09'),
      ['x.yaml:12:10 spec.dueAt: 2027-01-09 is before startsAt 2027-01-10'],
    ],
    [
      'reminders that are not a list',
      changed('[14d, 7d, 1d]', '14d'),
      ['x.yaml:13:14 spec.reminders: must be a list, got the string "14d"'],
    ],
    [
      'reminders out of range, in weeks, as numbers, and repeated',
      changed('[14d, 7d, 1d]', '[0d, 366d, 2w, 7, 7d, 07d]'),
      [
        'x.yaml:13:15 spec.reminders[0]: "0d" is not a number of days from 1d to 365d, such as 14d',
        'x.yaml:13:19 spec.reminders[1]: "366d" is not a number of days from 1d to 365d, such as 14d',
        'x.yaml:13:25 spec.reminders[2]: "2w" is not a number of days from 1d to 365d, such as 14d',
        'x.yaml:13:29 spec.reminders[3]: must be a number of days such as 14d, got the number 7',
        'x.yaml:13:36 spec.reminders[5]: "07d" repeats an earlier reminder',
      ],
    ],
    [
      'onComplete with an unknown key and no promote',
      changed('{ promote: true }', '{ promte: true }'),
      [
        'x.yaml:14:15 spec.onComplete: missing required key "promote"',
        'x.yaml:14:17 spec.onComplete.promte: unknown key "promte" (did you mean "promote"?)',
      ],
    ],
    [
      'a promote that is not a boolean',
      changed('{ promote: true }', "{ promote: 'yes' }"),
      [
        'x.yaml:14:26 spec.onComplete.promote: must be true or false, got the string "yes"',
      ],
    ],
  ])('reports %s', (_, text, expected) => {
    expect(problemsOf(text)).toEqual(expected);
    expect(parse(text).campaigns).toEqual([]);
  });

  it('refuses a second campaign of the same name in a file', () => {
    expect(problemsOf(`${VALID}---\n${VALID}`)).toEqual([
      'x.yaml:19:9 metadata.name: duplicate campaign name "slo-everywhere", first defined at line 4',
    ]);
  });

  it('reads scorecards and campaigns from one file, a campaign may share a scorecard name', () => {
    const scorecard = withChecks(OWNER_CHECK).replace(
      'name: demo',
      'name: slo-everywhere',
    );
    const parsed = parse(`${VALID}---\n${scorecard}`);
    expect(parsed.problems).toEqual([]);
    expect(parsed.scorecards.map(s => s.id)).toEqual(['slo-everywhere']);
    expect(parsed.campaigns.map(c => c.campaign.id)).toEqual([
      'slo-everywhere',
    ]);
  });

  it('never half-loads: a problem anywhere keeps every document of the file out', () => {
    const scorecard = withChecks(OWNER_CHECK);
    const broken = changed('dueAt: 2027-03-31', 'dueAt: 2027-13-01');
    const second = `${VALID.replace('slo-everywhere', 'other')}`;
    const parsed = parse(`${scorecard}---\n${broken}---\n${second}`);
    expect(parsed.problems.map(p => p.path)).toEqual(['spec.dueAt']);
    expect(parsed.scorecards).toEqual([]);
    expect(parsed.campaigns).toEqual([]);
  });

  it('applies the file limits to campaign documents', () => {
    const nested = `${'['.repeat(70)}${']'.repeat(70)}`;
    const text = changed("{ metadata.labels.tier: '1' }", nested);
    expect(problemsOf(text)).toEqual([
      expect.stringMatching(/limit maxDepth is 64/),
    ]);
    const bomb = changed(
      "appliesTo: { metadata.labels.tier: '1' }",
      `appliesTo: { a: &a [x, x, x, x, x, x, x, x, x, x], b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a], c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b], d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c], e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d] }`,
    );
    expect(problemsOf(bomb)).toEqual([
      expect.stringMatching(/limit maxAliasedBytes/),
    ]);
  });
});
