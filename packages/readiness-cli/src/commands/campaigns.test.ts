import {
  CATALOG_YAML,
  runCli,
  SCORECARD_YAML,
  writeTempFiles,
} from '../testUtils';

/** `basic` with its gold check `readme` advisory. */
const ADVISORY_SCORECARD_YAML = SCORECARD_YAML.replace(
  '      level: gold\n',
  '      level: gold\n      enforcement: advisory\n',
);

/** Lines 1–11: a campaign of `basic` that promotes `readme` after March. */
const CAMPAIGN_YAML = `apiVersion: readiness/v1
kind: Campaign
metadata:
  name: readme-everywhere
  title: A README in every repository
spec:
  scorecard: basic
  goal: { checks: [readme] }
  startsAt: 2026-11-01
  dueAt: 2027-03-31
  onComplete: { promote: true }
`;

function setUp(files: Record<string, string> = {}) {
  return writeTempFiles({
    'scorecards/basic.yaml': ADVISORY_SCORECARD_YAML,
    'scorecards/campaigns.yaml': CAMPAIGN_YAML,
    'catalog-info.yaml': CATALOG_YAML,
    ...files,
  });
}

describe('readiness validate with campaigns', () => {
  it('accepts campaign documents and counts them', async () => {
    await expect(runCli(['validate', 'scorecards'], setUp())).resolves.toEqual({
      code: 0,
      stdout: '',
      stderr: '1 scorecard and 1 campaign in 2 files are valid\n',
    });
  });

  it('accepts a campaign of a built-in scorecard without it', async () => {
    const dir = setUp({
      'built-in.yaml': CAMPAIGN_YAML.replace(
        'scorecard: basic',
        'scorecard: production-readiness',
      ).replace('[readme]', '[owner-set]'),
    });
    await expect(runCli(['validate', 'built-in.yaml'], dir)).resolves.toEqual({
      code: 0,
      stdout: '',
      stderr: '0 scorecards and 1 campaign in 1 file is valid\n',
    });
  });

  it('reports references to an unknown scorecard or check at their place', async () => {
    const dir = setUp({
      'scorecards/campaigns.yaml':
        `${CAMPAIGN_YAML}---\n${CAMPAIGN_YAML.replace(
          'name: readme-everywhere',
          'name: other',
        ).replace('scorecard: basic', 'scorecard: basci')}`.replace(
          '[readme]',
          '[readme, readmee]',
        ),
    });
    const { code, stdout } = await runCli(['validate', 'scorecards'], dir);
    expect(code).toBe(1);
    expect(stdout).toBe(
      [
        'scorecards/campaigns.yaml:8:28 spec.goal.checks[1]: unknown check "readmee" of scorecard "basic" (did you mean "readme"?)',
        'scorecards/campaigns.yaml:19:14 spec.scorecard: unknown scorecard "basci" (did you mean "basic"?)',
        '',
      ].join('\n'),
    );
  });

  it('rejects a campaign name used by two files', async () => {
    const dir = setUp({ 'scorecards/more.yaml': CAMPAIGN_YAML });
    const { code, stdout } = await runCli(['validate', 'scorecards'], dir);
    expect(code).toBe(1);
    expect(stdout).toBe(
      'scorecards/more.yaml:4:9 metadata.name: duplicate campaign name "readme-everywhere", first defined at scorecards/campaigns.yaml:4\n',
    );
  });
});

const EVALUATE = [
  'evaluate',
  '--catalog',
  'catalog-info.yaml',
  '--scorecard',
  'scorecards',
  '--entity',
  'rich-service',
];

describe('readiness evaluate with campaigns', () => {
  it('shows advisory checks and campaign items in JSON', async () => {
    const { code, stdout } = await runCli(EVALUATE, setUp());
    expect(code).toBe(0);
    const [result] = JSON.parse(stdout).results;
    expect(result).toMatchObject({
      score: 100,
      level: 'gold',
      advisoryFailing: 1,
    });
    expect(result.checks[4]).toEqual({
      id: 'readme',
      status: 'unknown',
      reason: expect.any(String),
      advisory: { enforcedFrom: '2027-04-01', campaign: 'readme-everywhere' },
    });
    expect(result.campaigns).toEqual([
      {
        campaign: 'readme-everywhere',
        title: 'A README in every repository',
        startsAt: '2026-11-01',
        dueAt: '2027-03-31',
        met: false,
        openChecks: ['readme'],
        levelIfEnforced: 'silver',
      },
    ]);
  });

  it('shows them in the table, under the row', async () => {
    const { stdout } = await runCli(
      [...EVALUATE, '--format', 'table'],
      setUp(),
    );
    expect(stdout.split('\n').slice(1)).toEqual([
      'component:default/rich-service  basic      100.0  gold      4     0        0    0       0',
      '    unknown  readme  [advisory, enforced from 2027-04-01 (campaign readme-everywhere)] Has a README: fact repository.readme is unavailable: no repository given (use --repo <dir>)',
      '    campaign readme-everywhere, due 2027-03-31: open: readme (level when enforced: silver)',
      '',
    ]);
  });

  it('runs a file of campaigns alone on the built-in scorecards they name', async () => {
    const dir = setUp({
      'built-in.yaml': CAMPAIGN_YAML.replace(
        'scorecard: basic',
        'scorecard: production-readiness',
      ).replace('[readme]', '[owner-set]'),
    });
    const { code, stdout } = await runCli(
      [...EVALUATE.slice(0, 4), 'built-in.yaml', ...EVALUATE.slice(5)],
      dir,
    );
    expect(code).toBe(0);
    const { results } = JSON.parse(stdout);
    expect(results.map((r: { scorecard: string }) => r.scorecard)).toEqual([
      'production-readiness',
    ]);
    expect(results[0].campaigns).toEqual([
      expect.objectContaining({ campaign: 'readme-everywhere', met: true }),
    ]);
  });
});

describe('readiness gate with advisory checks', () => {
  const gate = ['gate', ...EVALUATE.slice(1), '--min-level', 'gold'];

  it('does not fail on them, and says when they will be enforced', async () => {
    await expect(runCli(gate, setUp())).resolves.toEqual({
      code: 0,
      stdout: [
        'PASS component:default/rich-service in basic: is gold (score 100); gold is required',
        '  Not enforced yet (these do not fail the gate):',
        '    advisory, enforced from 2027-04-01 (campaign readme-everywhere): readme — fact repository.readme is unavailable: no repository given (use --repo <dir>)',
        '  campaign readme-everywhere, due 2027-03-31: open: readme (level when enforced: silver)',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('says "advisory" alone for a check no date enforces', async () => {
    const dir = setUp({
      'scorecards/campaigns.yaml': CAMPAIGN_YAML.replace(
        '  onComplete: { promote: true }\n',
        '',
      ),
    });
    const { code, stdout } = await runCli(gate, dir);
    expect(code).toBe(0);
    expect(stdout).toContain(
      '    advisory: readme — fact repository.readme is unavailable',
    );
    expect(stdout).toContain(
      '  campaign readme-everywhere, due 2027-03-31: open: readme\n',
    );
  });
});
