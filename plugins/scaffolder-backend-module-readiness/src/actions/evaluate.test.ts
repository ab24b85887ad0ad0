import { mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { startReadiness } from '../__testUtils__/startReadiness';
import { ReadRule } from '../__testUtils__/standInCatalog';
import { CATALOG_INFO, workspace } from '../__testUtils__/workspaces';
import { createReadinessEvaluateAction } from './evaluate';

jest.setTimeout(60_000);

async function evaluate(
  input: { scorecard?: string; catalogInfoPath?: string },
  content: Record<string, string | object> = {},
  canRead?: ReadRule,
) {
  const { client } = await startReadiness({ canRead });
  const action = createReadinessEvaluateAction({ client });
  const logger = mockServices.logger.mock();
  const ctx = createMockActionContext({
    input,
    logger,
    workspacePath: workspace(content).path,
  });
  return { run: () => action.handler(ctx), ctx, logger };
}

/** The outputs the action set, by name. */
function outputsOf(ctx: { output: unknown }): Record<string, any> {
  return Object.fromEntries((ctx.output as jest.Mock).mock.calls);
}

describe('readiness:evaluate', () => {
  it('outputs each scorecard with its open checks, and logs a summary', async () => {
    const { run, ctx, logger } = await evaluate({});

    await run();

    const outputs = outputsOf(ctx);
    expect(outputs.entityRef).toBe('component:default/receipts');
    const [production] = outputs.scorecards;
    expect(production).toMatchObject({
      id: 'production-readiness',
      level: 'bronze',
      nextLevel: 'silver',
    });
    // Far more than 25 checks are open below Silver and Gold: the rest are counted.
    expect(production.openChecks).toHaveLength(25);
    expect(production.openChecksOmitted).toBeGreaterThan(0);
    expect(production.openChecks[0]).toEqual({
      id: expect.any(String),
      title: expect.any(String),
      status: expect.stringMatching(/^(fail|unknown)$/),
      level: 'silver',
      reason: expect.any(String),
      remediation: expect.any(String),
    });
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringMatching(
        /^component:default\/receipts on Production Readiness: Bronze, score [\d.]+; next level silver\n {2}- \[silver\]/,
      ),
    );
  });

  it('outputs the score and level of the one scorecard asked for', async () => {
    const { run, ctx } = await evaluate({ scorecard: 'production-readiness' });

    await run();

    const outputs = outputsOf(ctx);
    expect(outputs.scorecards).toHaveLength(1);
    expect(outputs.level).toBe('bronze');
    expect(outputs.score).toBe(outputs.scorecards[0].score);
  });

  it('reads the first entity of a file with several documents', async () => {
    const location = [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Location',
      'metadata: { name: here }',
      'spec: { targets: [] }',
    ].join('\n');
    const { run, ctx } = await evaluate(
      { catalogInfoPath: 'deploy/entities.yaml' },
      { deploy: { 'entities.yaml': `${location}\n---\n${CATALOG_INFO}` } },
    );

    await run();

    expect(outputsOf(ctx).entityRef).toBe('component:default/receipts');
  });

  it.each([
    [
      '../outside.yaml',
      'catalogInfoPath "../outside.yaml" points outside the workspace',
    ],
    [
      '/etc/passwd',
      'catalogInfoPath "/etc/passwd" points outside the workspace',
    ],
    ['missing.yaml', 'missing.yaml is not in the workspace'],
  ])('refuses the path %s', async (catalogInfoPath, message) => {
    const { run } = await evaluate({ catalogInfoPath });

    await expect(run()).rejects.toThrow(message);
  });

  it('refuses a catalog-info file that points outside the workspace', async () => {
    const { run } = await evaluate({ catalogInfoPath: 'linked.yaml' }, {
      'linked.yaml': (ctx: { symlink(target: string): void }) =>
        ctx.symlink(__filename),
    } as never);

    await expect(run()).rejects.toThrow(
      'catalogInfoPath "linked.yaml" points outside the workspace',
    );
  });

  it.each([
    [
      'kind: [Component',
      /^catalog-info\.yaml is not valid YAML at line 1, column \d+: /,
    ],
    [
      'kind: Group\nmetadata: { name: team }',
      'catalog-info.yaml holds no entity of kind Component, API, Resource, System',
    ],
    ['', 'catalog-info.yaml holds no entity of kind'],
  ])('names the file when it holds no entity (%#)', async (text, message) => {
    const { run } = await evaluate({}, { 'catalog-info.yaml': text });

    await expect(run()).rejects.toThrow(message);
  });

  it('names the file and the field of an invalid entity', async () => {
    const { run } = await evaluate(
      {},
      {
        'catalog-info.yaml': CATALOG_INFO.replace(
          'name: receipts',
          'name: "-bad name-"',
        ),
      },
    );

    await expect(run()).rejects.toThrow(
      'catalog-info.yaml: entity.metadata.name must be a valid entity name',
    );
  });

  it('looks the owner up as the initiator: a group they may not read is like none', async () => {
    const ownerCheck = (ctx: { output: unknown }) =>
      outputsOf(ctx).scorecards[0].openChecks.find(
        (c: { id: string }) => c.id === 'owner-resolves',
      );
    const hidden = await evaluate(
      { scorecard: 'production-readiness' },
      {},
      entity => entity.kind !== 'Group',
    );
    const missing = await evaluate(
      { scorecard: 'production-readiness' },
      {
        'catalog-info.yaml': CATALOG_INFO.replace(
          'team-payments',
          'team-nobody',
        ),
      },
    );
    const visible = await evaluate({ scorecard: 'production-readiness' });

    await Promise.all([hidden.run(), missing.run(), visible.run()]);

    expect(ownerCheck(hidden.ctx)).toMatchObject({
      status: 'fail',
      level: 'bronze',
    });
    // Exactly what a group that does not exist gives: nothing revealed.
    expect(ownerCheck(hidden.ctx)).toEqual(ownerCheck(missing.ctx));
    expect(outputsOf(hidden.ctx).level).toBeNull();
    expect(outputsOf(visible.ctx).level).toBe('bronze');
  });

  it('evaluates in a dry run too', async () => {
    const { client } = await startReadiness();
    const action = createReadinessEvaluateAction({ client });
    const ctx = {
      ...createMockActionContext({
        input: {},
        workspacePath: workspace().path,
      }),
      isDryRun: true,
    };

    await action.handler(ctx);

    expect(action.supportsDryRun).toBe(true);
    expect(outputsOf(ctx).entityRef).toBe('component:default/receipts');
  });
});
