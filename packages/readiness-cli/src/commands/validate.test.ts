import { runCli, SCORECARD_YAML, writeTempFiles } from '../testUtils';

describe('readiness validate', () => {
  it('accepts valid files, walking directories', async () => {
    const dir = writeTempFiles({
      'scorecards/basic.yaml': SCORECARD_YAML,
      'scorecards/nested/other.yml': SCORECARD_YAML.replace(
        'name: basic',
        'name: other',
      ),
      'scorecards/notes.txt': 'not a scorecard',
    });
    const { code, stdout, stderr } = await runCli(
      ['validate', 'scorecards'],
      dir,
    );
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe('2 scorecards in 2 files are valid\n');
  });

  it('prints one line per problem, as <file>:<line>:<col> <path>: <message>', async () => {
    const dir = writeTempFiles({
      'good.yaml': SCORECARD_YAML,
      'bad.yaml': SCORECARD_YAML.replace(
        'fact: catalog.description',
        'fact: catalog.descripton',
      ).replace('level: gold', 'level: platinum'),
    });
    const { code, stdout, stderr } = await runCli(
      ['validate', 'good.yaml', 'bad.yaml'],
      dir,
    );
    expect(code).toBe(1);
    expect(stdout.split('\n')).toEqual([
      'bad.yaml:39:15 spec.checks[1].condition.fact: unknown fact "catalog.descripton" (did you mean "catalog.description"?)',
      expect.stringMatching(
        /^bad\.yaml:66:14 spec\.checks\[4\]\.level: unknown level "platinum"/,
      ),
      '',
    ]);
    expect(stderr).toBe('2 problems in 1 of 2 files\n');
  });

  it('reports broken YAML as a problem at its position', async () => {
    const dir = writeTempFiles({ 'broken.yaml': 'metadata:\n  name: [x\n' });
    const { code, stdout } = await runCli(['validate', 'broken.yaml'], dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^broken\.yaml:\d+:\d+ /);
  });

  it('rejects a scorecard name used by two files', async () => {
    const dir = writeTempFiles({
      'a.yaml': SCORECARD_YAML,
      'b.yaml': SCORECARD_YAML,
    });
    const { code, stdout } = await runCli(['validate', '.'], dir);
    expect(code).toBe(1);
    expect(stdout).toBe(
      'b.yaml:4:9 metadata.name: duplicate scorecard name "basic", first defined at a.yaml:4\n',
    );
  });

  it('names an unreadable path in one line, with exit code 2', async () => {
    const dir = writeTempFiles({ 'empty/README.md': '' });
    await expect(runCli(['validate', 'missing.yaml'], dir)).resolves.toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: cannot read missing.yaml: no such file or directory\n',
    });
    await expect(runCli(['validate', 'empty'], dir)).resolves.toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: empty holds no .yaml, .yml or .json files\n',
    });
  });
});
