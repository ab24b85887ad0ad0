import { runCli, writeTempFiles } from './testUtils';

describe('run', () => {
  it('documents the exit codes in --help, with exit code 0', async () => {
    for (const args of [['--help'], ['gate', '--help']]) {
      const { code, stdout } = await runCli(args, '/');
      expect(code).toBe(0);
      expect(stdout).toContain('Exit codes\n  0  ok\n  1  a check failed');
      expect(stdout).toContain('READINESS_DEBUG=1');
    }
  });

  it('ends no help line with a colon but the headings the CLI report reads', async () => {
    // repo-tools' CLI report (cli-report.md) reads lines ending with ":" as
    // Commander sections and fails on any it does not know; indented lines
    // within a known section (wrapped descriptions) are fine.
    const headings = ['Usage:', 'Arguments:', 'Options:', 'Commands:'];
    for (const command of [[], ['validate'], ['evaluate'], ['gate']]) {
      const { stdout } = await runCli([...command, '--help'], '/');
      const ownStart = stdout.search(/^(Examples|Exit codes)$/m);
      expect(ownStart).toBeGreaterThan(0);
      const commander = stdout.slice(0, ownStart);
      const ours = stdout.slice(ownStart);
      const sections = commander.split('\n').filter(l => /^\S.*:$/.test(l));
      expect(sections.filter(line => !headings.includes(line))).toEqual([]);
      expect(ours.split('\n').filter(line => line.endsWith(':'))).toEqual([]);
    }
  });

  it('treats a missing or unknown command as a usage error', async () => {
    expect((await runCli([], '/')).code).toBe(2);
    await expect(runCli(['grade'], '/')).resolves.toMatchObject({
      code: 2,
      stderr:
        "error: unknown command 'grade' (Did you mean gate?) (add --help for usage)\n",
    });
    await expect(
      runCli(['evaluate', '--catalog', 'x', 'extra'], '/'),
    ).resolves.toMatchObject({ code: 2 });
  });

  it('prints the stack trace of an error only with READINESS_DEBUG=1', async () => {
    const dir = writeTempFiles({ 'broken.yaml': 'a: [\n' });
    const args = ['evaluate', '--catalog', 'broken.yaml'];
    const quiet = await runCli(args, dir);
    expect(quiet.code).toBe(2);
    expect(quiet.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(quiet.stderr).not.toMatch(/\n\s+at /);
    const debug = await runCli(args, dir, { debug: true });
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});
