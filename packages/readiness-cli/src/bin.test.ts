import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { SCORECARD_YAML, writeTempFiles } from './testUtils';

const repoRoot = path.resolve(__dirname, '../../..');

describe('bin/readiness', () => {
  it('runs from the repository root and exits with the code of the command', () => {
    const dir = writeTempFiles({
      'bad.yaml': SCORECARD_YAML.replace('weight: 1', 'weight: many'),
    });
    const file = path.join(dir, 'bad.yaml');
    const { status, stdout, stderr } = spawnSync(
      process.execPath,
      ['packages/readiness-cli/bin/readiness', 'validate', file],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { ...process.env, READINESS_DEBUG: '' },
      },
    );
    expect(stdout).toMatch(/^(.+):26:15 spec\.checks\[0\]\.weight: [^\n]+\n$/);
    expect(stdout.startsWith(`${file}:`)).toBe(true);
    expect(stderr).toBe('1 problem in 1 of 1 file\n');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(status).toBe(1);
  }, 60_000);
});
