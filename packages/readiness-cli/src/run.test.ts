import { runCli, writeTempFiles } from './testUtils';

describe('run', () => {
  it('documents the exit codes in --help, with exit code 0', async () => {
    for (const args of [['--help'], ['gate', '--help']]) {
      const { code, stdout } = await runCli(args, '/');
      expect(code).toBe(0);
      expect(stdout).toContain('Exit codes:\n  0  ok\n  1  a check failed');
      expect(stdout).toContain('READINESS_DEBUG=1');
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
