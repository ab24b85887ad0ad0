import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { startReadiness } from '../__testUtils__/startReadiness';
import { CATALOG_INFO, workspace } from '../__testUtils__/workspaces';
import { createReadinessGateAction } from './gate';

jest.setTimeout(60_000);

async function gate(
  input: { scorecard: string; level: string; catalogInfoPath?: string },
  content: Record<string, string | object> = {},
) {
  const { client } = await startReadiness();
  const action = createReadinessGateAction({ client });
  const ctx = createMockActionContext({
    input,
    workspacePath: workspace(content).path,
  });
  return { run: () => action.handler(ctx), ctx };
}

describe('readiness:gate', () => {
  it('passes a new service that reaches Bronze, with its outputs', async () => {
    const { run, ctx } = await gate({
      scorecard: 'production-readiness',
      level: 'bronze',
    });

    await run();

    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/receipts',
    );
    expect(ctx.output).toHaveBeenCalledWith('level', 'bronze');
    expect(ctx.output).toHaveBeenCalledWith('score', expect.any(Number));
    expect(ctx.output).toHaveBeenCalledWith('scorecards', [
      expect.objectContaining({
        id: 'production-readiness',
        title: 'Production Readiness',
        level: 'bronze',
        levelTitle: 'Bronze',
        nextLevel: 'silver',
      }),
    ]);
  });

  it('takes the level by its title too', async () => {
    const { run } = await gate({
      scorecard: 'production-readiness',
      level: 'BRONZE',
    });

    await expect(run()).resolves.toBeUndefined();
  });

  it('fails a service without a CI workflow, listing the check and its remediation', async () => {
    const { run } = await gate(
      { scorecard: 'production-readiness', level: 'bronze' },
      { '.github': {} },
    );

    const error = await run().catch(e => e);

    expect(error).toBeInstanceOf(Error);
    const [head, ...lines] = error.message.split('\n');
    expect(head).toBe(
      'component:default/receipts reaches no level on Production Readiness, below Bronze:',
    );
    expect(lines).toEqual([
      expect.stringMatching(
        /^- Has a CI pipeline \[ci-pipeline\]: fail \(.*repository\.ciWorkflows.*\)\. To fix: Add a pipeline that builds and tests every change/,
      ),
    ]);
  });

  it('lists every check that keeps the service below the level', async () => {
    const { run } = await gate(
      { scorecard: 'production-readiness', level: 'bronze' },
      {
        'catalog-info.yaml': CATALOG_INFO.replace(
          'lifecycle: experimental',
          'lifecycle: beta',
        ).replace('  system: payments\n', ''),
      },
    );

    const error = await run().catch(e => e);

    expect(error.message).toContain('below Bronze:');
    expect(error.message).toContain('[lifecycle-known]: fail');
    expect(error.message).toContain('[system-membership]: fail');
    expect(error.message).not.toContain('[ci-pipeline]');
  });

  it('names the closest level for an unknown one', async () => {
    const { run } = await gate({
      scorecard: 'production-readiness',
      level: 'bronz',
    });

    await expect(run()).rejects.toThrow(
      'Unknown level "bronz" on Production Readiness (did you mean "bronze"?)',
    );
  });

  it('lists the levels when none is close', async () => {
    const { run } = await gate({
      scorecard: 'production-readiness',
      level: 'platinum',
    });

    await expect(run()).rejects.toThrow(
      'Unknown level "platinum" on Production Readiness (levels: bronze, silver, gold)',
    );
  });

  it('names the closest scorecard for an unknown one', async () => {
    const { run } = await gate({
      scorecard: 'production-readyness',
      level: 'bronze',
    });

    await expect(run()).rejects.toThrow(
      'Unknown scorecard "production-readyness" (did you mean "production-readiness"?)',
    );
  });

  it('fails when the scorecard does not apply to the entity', async () => {
    const { run } = await gate({ scorecard: 'api-quality', level: 'bronze' });

    await expect(run()).rejects.toThrow(
      'The scorecard "api-quality" does not apply to component:default/receipts',
    );
  });
});
