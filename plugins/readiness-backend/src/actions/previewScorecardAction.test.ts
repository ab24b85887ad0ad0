import { mockServices } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { flagCollectorModule } from '../__testUtils__/flagCollector';
import { manyChecksScorecard } from '../__testUtils__/manyChecksScorecard';
import { checkout, draft, library } from '../__testUtils__/previewFixtures';
import { startActionsBackend } from '../__testUtils__/startActionsBackend';
import type { PreviewJobView } from '../preview/PreviewJobs';
import { MAX_OUTPUT_CHARS } from './outputBounds';
import {
  MAX_ACTION_DOCUMENT_CHARS,
  registerPreviewScorecard,
} from './previewScorecardAction';

jest.setTimeout(60_000);

const NO_SCHEDULED_RUN = {
  schedule: {
    frequency: { hours: 24 },
    timeout: { minutes: 1 },
    initialDelay: { hours: 1 },
  },
};

const startBackend = (options: { permissions?: any } = {}) =>
  startActionsBackend({
    entities: [checkout, library],
    modules: [flagCollectorModule],
    config: { readiness: NO_SCHEDULED_RUN },
    ...options,
  });

describe('action preview-scorecard', () => {
  it('runs the dry run and answers where the entities would stand', async () => {
    const { invoke } = await startBackend();

    const output = await invoke('preview-scorecard', { document: draft() });

    expect(output).toEqual({
      status: 'done',
      message: 'Evaluated 2 entities; 2 would change.',
      jobId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      scorecard: 'api-quality',
      entitiesEvaluated: 2,
      // techdocs passes for checkout only; no stored test.flag anywhere.
      averageScore: 25,
      belowFirstLevel: 2,
      levelCounts: {},
      checks: [
        {
          id: 'techdocs',
          passRate: 0.5,
          pass: 1,
          fail: 1,
          unknown: 0,
          notApplicable: 0,
        },
        {
          id: 'flagged',
          passRate: 0,
          pass: 0,
          fail: 0,
          unknown: 2,
          notApplicable: 0,
        },
      ],
      omittedChecks: 0,
      changedEntities: 2,
      lowestChanges: [
        {
          entityRef: 'component:default/utils',
          before: null,
          after: { score: 0, level: null },
        },
        {
          entityRef: 'component:default/checkout',
          before: null,
          after: { score: 50, level: null },
        },
      ],
      truncated: false,
    });
  });

  it('answers the problems of an invalid draft with where they are', async () => {
    const { invoke } = await startBackend();
    const output = await invoke('preview-scorecard', {
      document: draft('catalog.annotatons'),
    });
    expect(output).toMatchObject({
      status: 'invalid',
      problems: [
        {
          line: expect.any(Number),
          column: expect.any(Number),
          path: 'spec.checks[0].condition.fact',
          message: expect.stringContaining(
            'did you mean "catalog.annotations"',
          ),
        },
      ],
      omittedProblems: 0,
    });
  });

  it('refuses a caller without the preview permission, valid draft or not', async () => {
    const { invoke } = await startBackend({
      permissions: mockServices.permissions.factory({
        result: AuthorizeResult.DENY,
      }),
    });
    for (const document of [draft(), draft('catalog.annotatons')]) {
      await expect(
        invoke('preview-scorecard', { document }),
      ).rejects.toMatchObject({
        name: 'NotAllowedError',
        message: 'You may not preview scorecards',
      });
    }
  });

  it('counts a level with the id none as that level, apart from entities at no level', async () => {
    const { invoke } = await startBackend();
    const document = draft()
      .replace(
        'levels: [{ id: bronze, title: Bronze }]',
        'levels: [{ id: none, title: None yet }, { id: bronze, title: Bronze }]',
      )
      .replace(
        /level: bronze\n(\s+)weight: 1\n(\s+)condition: \{ fact: catalog/,
        'level: none\n$1weight: 1\n$2condition: { fact: catalog',
      );

    const output = await invoke('preview-scorecard', { document });

    expect(output).toMatchObject({
      status: 'done',
      // checkout passes the techdocs check of level none, utils does not.
      belowFirstLevel: 1,
      levelCounts: { none: 1 },
    });
  });

  it('caps the checks of a draft of 200 checks', async () => {
    const { invoke } = await startBackend();
    const output = await invoke('preview-scorecard', {
      document: JSON.stringify(manyChecksScorecard('many', 200)),
    });
    expect(output.status).toBe('done');
    expect(output.checks).toHaveLength(50);
    expect(output.omittedChecks).toBe(150);
    expect(output.checks[0]).toMatchObject({ id: 'check-0', passRate: 0 });
    expect(JSON.stringify(output).length).toBeLessThanOrEqual(MAX_OUTPUT_CHARS);
  });

  it('takes either a document or a jobId, of bounded size', async () => {
    const { invoke } = await startBackend();
    await expect(invoke('preview-scorecard', {})).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/^Give either document .* or jobId/),
    });
    await expect(
      invoke('preview-scorecard', {
        document: draft(),
        jobId: '00000000-0000-4000-8000-000000000000',
      }),
    ).rejects.toMatchObject({ name: 'InputError' });
    await expect(
      invoke('preview-scorecard', {
        document: 'x'.repeat(MAX_ACTION_DOCUMENT_CHARS + 1),
      }),
    ).rejects.toMatchObject({ name: 'InputError' });
    // Another caller's job, or none: not found.
    await expect(
      invoke('preview-scorecard', {
        jobId: '00000000-0000-4000-8000-000000000000',
      }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});

describe('action preview-scorecard, a long preview', () => {
  it('answers running with the jobId after its wait, and waits again for that job', async () => {
    const running: PreviewJobView = {
      id: '11111111-1111-4111-8111-111111111111',
      scorecard: 'api-quality',
      status: 'running',
      evaluated: 7,
      startedAt: new Date().toISOString(),
    };
    const done: PreviewJobView = {
      ...running,
      status: 'done',
      evaluated: 9,
      result: {
        scorecard: 'api-quality',
        evaluated: 9,
        changed: 0,
        changes: [],
        truncated: false,
      },
    };
    const get = jest.fn().mockResolvedValue(running);
    const actions = actionsRegistryServiceMock();
    registerPreviewScorecard(
      actions,
      {
        preview: { start: async () => running, get } as any,
        maxDocumentBytes: 1000,
      },
      { waitMs: 30, pollMs: 10 },
    );
    const invoke = async (input: object) =>
      (
        await actions.invoke({
          id: 'test:preview-scorecard',
          input: input as any,
        })
      ).output;

    await expect(invoke({ document: 'draft' })).resolves.toEqual({
      status: 'running',
      jobId: running.id,
      scorecard: 'api-quality',
      entitiesEvaluated: 7,
      message:
        'The preview is still running after 0 s, 7 entities evaluated so far; call preview-scorecard again with this jobId to wait for it.',
    });
    expect(get).toHaveBeenCalled();

    get.mockReset().mockResolvedValueOnce(running).mockResolvedValue(done);
    await expect(invoke({ jobId: running.id })).resolves.toMatchObject({
      status: 'done',
      entitiesEvaluated: 9,
      changedEntities: 0,
      lowestChanges: [],
    });
  });
});

describe('action preview-scorecard, a draft of many levels', () => {
  it('lists the first 50 levels reached and counts the others', async () => {
    const levelCounts = Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [`level-${i}`, 1]),
    );
    const done: PreviewJobView = {
      id: '22222222-2222-4222-8222-222222222222',
      scorecard: 'many-levels',
      status: 'done',
      evaluated: 61,
      startedAt: new Date().toISOString(),
      result: {
        scorecard: 'many-levels',
        evaluated: 61,
        changed: 0,
        changes: [],
        truncated: false,
        summary: {
          averageScore: 50,
          belowFirstLevel: 1,
          levelCounts,
          checks: [],
        },
      },
    };
    const actions = actionsRegistryServiceMock();
    registerPreviewScorecard(actions, {
      preview: { start: async () => done, get: async () => done } as any,
      maxDocumentBytes: 1000,
    });

    const { output } = await actions.invoke({
      id: 'test:preview-scorecard',
      input: { document: 'draft' },
    });

    expect(output).toMatchObject({ belowFirstLevel: 1, omittedLevels: 10 });
    expect(Object.keys((output as any).levelCounts)).toEqual(
      Object.keys(levelCounts).slice(0, 50),
    );
  });
});
