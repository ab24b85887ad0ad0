import path from 'node:path';
import {
  CATALOG_YAML,
  runCli,
  SCORECARD_YAML,
  SKELETON_YAML,
  writeTempFiles,
} from '../testUtils';

const NO_REPO =
  'fact repository.readme is unavailable: no repository given (use --repo <dir>)';

function setUp() {
  return writeTempFiles({
    'scorecards/basic.yaml': SCORECARD_YAML,
    'catalog/all.yaml': CATALOG_YAML,
    'repo/README.md': '# Rich service\n',
    'repo/node_modules/dep/package.json': '{}',
    'repo/.git/HEAD': 'ref: refs/heads/main\n',
  });
}

const args = ['evaluate', '--catalog', 'catalog', '--scorecard', 'scorecards'];

describe('readiness evaluate', () => {
  it('prints the results as JSON, by entity ref, for the services only', async () => {
    const { code, stdout, stderr } = await runCli(args, setUp());
    expect(code).toBe(0);
    expect(stderr).toBe(
      'warning: catalog/all.yaml:24: component:default/bare-service has owner group:default/team-nobody, which is not in the catalog files; checks on it are unknown (add its file to --catalog)\n',
    );
    expect(JSON.parse(stdout)).toEqual({
      results: [
        {
          entityRef: 'component:default/bare-service',
          scorecard: 'basic',
          score: 0,
          level: null,
          checks: [
            {
              id: 'owner-resolved',
              status: 'unknown',
              reason:
                'fact catalog.ownerResolved is unavailable: owner group:default/team-nobody is not in the catalog files given (add the file that defines it)',
            },
            { id: 'described', status: 'fail', reason: expect.any(String) },
            {
              id: 'owner-staffed',
              status: 'unknown',
              reason: expect.any(String),
            },
            { id: 'in-system', status: 'fail', reason: expect.any(String) },
            { id: 'readme', status: 'unknown', reason: NO_REPO },
          ],
        },
        {
          entityRef: 'component:default/rich-service',
          scorecard: 'basic',
          score: 80,
          level: 'silver',
          checks: [
            { id: 'owner-resolved', status: 'pass' },
            { id: 'described', status: 'pass' },
            { id: 'owner-staffed', status: 'pass' },
            { id: 'in-system', status: 'pass' },
            { id: 'readme', status: 'unknown', reason: NO_REPO },
          ],
        },
      ],
    });
    // A pass has no reason at all, not `reason: undefined` or null.
    expect(stdout).toContain(
      '"id": "owner-resolved",\n          "status": "pass"\n',
    );
  });

  it('adds the facts of --repo to every entity', async () => {
    const { code, stdout } = await runCli(
      [...args, '--repo', 'repo', '--entity', 'rich-service'],
      setUp(),
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).results).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/rich-service',
        score: 100,
        level: 'gold',
      }),
    ]);
  });

  it('prints a table: a row per entity and scorecard, then what is not passing', async () => {
    const { code, stdout } = await runCli(
      [...args, '--repo', 'repo', '--format', 'table'],
      setUp(),
    );
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(0, 3)).toEqual([
      'ENTITY                          SCORECARD  SCORE  LEVEL  PASS  FAIL  UNKNOWN  N/A  WAIVED',
      'component:default/bare-service  basic       20.0  -         1     2        2    0       0',
      expect.stringMatching(
        /^ {4}unknown {2}owner-resolved {2}The owner is in the catalog: fact catalog.ownerResolved is unavailable: owner group:default\/team-nobody is not in the catalog files given/,
      ),
    ]);
    expect(stdout).toContain(
      '\ncomponent:default/rich-service  basic      100.0  gold      5     0        0    0       0\n',
    );
  });

  it('follows locations to relative files and warns about what it skips', async () => {
    const dir = writeTempFiles({
      'scorecards/basic.yaml': SCORECARD_YAML,
      'all.yaml': `apiVersion: backstage.io/v1alpha1
kind: Location
metadata:
  name: all
spec:
  targets: [./org/catalog.yaml, ./missing.yaml, https://example.com/c.yaml]
`,
      'org/catalog.yaml': `${CATALOG_YAML}---
apiVersion: backstage.io/v1alpha1
metadata:
  name: kindless
`,
    });
    const { code, stdout, stderr } = await runCli(
      ['evaluate', '--catalog', 'all.yaml', '--scorecard', 'scorecards'],
      dir,
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).results).toHaveLength(2);
    expect(stderr.split('\n')).toEqual([
      'warning: all.yaml:1: location target ./missing.yaml is not followed: no such file',
      'warning: all.yaml:1: location target https://example.com/c.yaml is not followed: URLs are not read (the CLI works offline)',
      'warning: org/catalog.yaml:44: skipped a document without kind',
      expect.stringMatching(
        /^warning: org\/catalog\.yaml:24: component:default\/bare-service has owner /,
      ),
      '',
    ]);
  });

  it('names broken YAML by file, line and column', async () => {
    const dir = writeTempFiles({
      'scorecards/basic.yaml': SCORECARD_YAML,
      'catalog.yaml': 'kind: Component\nmetadata:\n  name: [x\nspec: {}\n',
    });
    const { code, stdout, stderr } = await runCli(
      ['evaluate', '--catalog', 'catalog.yaml', '--scorecard', 'scorecards'],
      dir,
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^error: catalog\.yaml:\d+:\d+: invalid YAML: [^\n]+\n$/,
    );
  });

  it('skips files in directories that are not YAML yet, unless --strict', async () => {
    const dir = writeTempFiles({
      'scorecards/basic.yaml': SCORECARD_YAML,
      'catalog/all.yaml': CATALOG_YAML,
      'catalog/templates/service/skeleton/catalog-info.yaml': SKELETON_YAML,
    });
    const catalogArgs = ['evaluate', '--catalog', 'catalog'];
    const skipped =
      /^catalog\/templates\/service\/skeleton\/catalog-info\.yaml:5:\d+: invalid YAML: [^\n]+$/;

    const lenient = await runCli(
      [...catalogArgs, '--scorecard', 'scorecards'],
      dir,
    );
    expect(lenient.code).toBe(0);
    expect(JSON.parse(lenient.stdout).results).toHaveLength(2);
    const warnings = lenient.stderr
      .split('\n')
      .filter(line => !/ has owner /.test(line));
    expect(warnings).toEqual([
      expect.stringMatching(
        new RegExp(`^warning: ${skipped.source.slice(1, -1)} \\(skipped\\)$`),
      ),
      'warning: skipped 1 of 2 catalog files: not valid YAML (--strict fails on them)',
      '',
    ]);

    const strict = await runCli(
      [...catalogArgs, '--scorecard', 'scorecards', '--strict'],
      dir,
    );
    expect(strict.code).toBe(2);
    expect(strict.stdout).toBe('');
    const lines = strict.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(skipped);
    expect(lines.at(-1)).toBe(
      'error: 1 of 2 catalog files is not valid YAML (--strict)',
    );
  });

  it('refuses invalid scorecards, listing their problems', async () => {
    const dir = writeTempFiles({
      'bad.yaml': SCORECARD_YAML.replace('weight: 1', 'weight: -1'),
      'catalog.yaml': CATALOG_YAML,
    });
    const { code, stdout, stderr } = await runCli(
      ['evaluate', '--catalog', 'catalog.yaml', '--scorecard', 'bad.yaml'],
      dir,
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^bad\.yaml:26:15 spec\.checks\[0\]\.weight: /);
    expect(lines.at(-1)).toBe(
      'error: the scorecards are invalid (1 problem); `readiness validate` checks them',
    );
  });

  it('names unreadable paths and bad flags in one line, with exit code 2', async () => {
    const dir = setUp();
    await expect(
      runCli(
        ['evaluate', '--catalog', 'nope', '--scorecard', 'scorecards'],
        dir,
      ),
    ).resolves.toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: cannot read nope: no such file or directory\n',
    });
    await expect(
      runCli([...args, '--repo', 'repo/README.md'], dir),
    ).resolves.toMatchObject({
      code: 2,
      stderr: 'error: --repo repo/README.md is not a directory\n',
    });
    await expect(runCli([...args, '--format', 'xml'], dir)).resolves.toEqual({
      code: 2,
      stdout: '',
      stderr:
        "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are json, table. (add --help for usage)\n",
    });
  });

  it('uses the scorecards of @readiness/plugin-readiness-common by default, on the demo organisation', async () => {
    const repoRoot = path.resolve(__dirname, '../../../..');
    const { code, stdout } = await runCli(
      ['evaluate', '--catalog', 'examples'],
      repoRoot,
    );
    expect(code).toBe(0);
    const results: { entityRef: string; scorecard: string }[] =
      JSON.parse(stdout).results;
    expect(results).toContainEqual(
      expect.objectContaining({
        entityRef: 'component:default/payments-service',
        scorecard: 'production-readiness',
      }),
    );
    expect(results).toContainEqual(
      expect.objectContaining({
        entityRef: 'api:default/payments-api',
        scorecard: 'api-quality',
      }),
    );
  });
});
