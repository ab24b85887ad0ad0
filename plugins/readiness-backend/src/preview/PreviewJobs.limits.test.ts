import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  checkout,
  component,
  draft,
  library,
} from '../__testUtils__/previewFixtures';
import {
  ADA,
  BOB,
  finishedPreview,
  startPreview,
} from '../__testUtils__/previewRequests';
import { startPreviewBackend } from '../__testUtils__/startPreviewBackend';

jest.setTimeout(60_000);

describe('scorecard preview jobs', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  describe('while a job runs', () => {
    it('is the only one its user may run, and only its user may read it', async () => {
      const { server, release } = await startPreviewBackend(databases, {
        entities: [checkout, library],
        heldAfter: 0,
      });

      const first = await startPreview(server, draft());
      expect(first.status).toBe(202);
      const second = await startPreview(server, draft());
      expect(second.status).toBe(409);
      expect(second.body.error.message).toBe(
        `Your preview ${first.body.id} is still running; wait for it to finish before starting another`,
      );

      const byOther = await request(server)
        .get(`/api/readiness/scorecards/preview/${first.body.id}`)
        .set('Authorization', BOB);
      expect(byOther.status).toBe(404);
      const running = await request(server)
        .get(`/api/readiness/scorecards/preview/${first.body.id}`)
        .set('Authorization', ADA);
      expect(running.body).toMatchObject({ status: 'running' });

      release();
      expect((await finishedPreview(server, first.body.id)).body.status).toBe(
        'done',
      );
      expect((await startPreview(server, draft())).status).toBe(202);
    });

    it('runs at most readiness.preview.maxConcurrentJobs on a replica', async () => {
      const { server, release } = await startPreviewBackend(databases, {
        entities: [checkout],
        readiness: { preview: { maxConcurrentJobs: 1 } },
        heldAfter: 0,
      });
      const first = await startPreview(server, draft());
      expect(first.status).toBe(202);
      const other = await startPreview(server, draft(), BOB);
      expect(other.status).toBe(503);
      expect(other.body.error.message).toBe(
        'This backend is running 1 previews, its limit (readiness.preview.maxConcurrentJobs); try again shortly',
      );
      release();
      await finishedPreview(server, first.body.id);
      expect((await startPreview(server, draft(), BOB)).status).toBe(202);
    });

    it('fails when out of its time budget, saying how far it got', async () => {
      const entities = Array.from({ length: 250 }, (_, i) =>
        component(`c${i}`),
      );
      const { server, release } = await startPreviewBackend(databases, {
        entities,
        // Long enough to evaluate the first page on a busy machine.
        readiness: { preview: { timeBudget: { seconds: 3 } } },
        heldAfter: 1,
      });
      const started = await startPreview(server, draft());
      const failed = await finishedPreview(server, started.body.id);
      release();
      expect(failed.body).toMatchObject({
        status: 'failed',
        evaluated: 200,
        reason:
          'The preview ran out of its time budget of 3 s (readiness.preview.timeBudget) after evaluating 200 entities',
      });
      // The user may start another at once.
      expect((await startPreview(server, draft())).status).toBe(202);
    });
  });

  it('stops at readiness.preview.maxEntities, truncated', async () => {
    const { server } = await startPreviewBackend(databases, {
      entities: [checkout, library],
      readiness: { preview: { maxEntities: 1 } },
    });
    const started = await startPreview(server, draft());
    const done = await finishedPreview(server, started.body.id);
    expect(done.body.result).toMatchObject({
      evaluated: 1,
      changed: 1,
      truncated: true,
    });
  });

  it('lists at most readiness.preview.maxChanges changes, lowest score first', async () => {
    const { server } = await startPreviewBackend(databases, {
      entities: [checkout, library],
      readiness: { preview: { maxChanges: 1 } },
    });
    const started = await startPreview(server, draft());
    const done = await finishedPreview(server, started.body.id);
    expect(done.body.result).toEqual({
      scorecard: 'api-quality',
      evaluated: 2,
      changed: 2,
      truncated: true,
      changes: [
        {
          entityRef: 'component:default/utils',
          before: null,
          after: { score: 0, level: null },
        },
      ],
      // Over every evaluated entity, not only the changes listed.
      summary: expect.objectContaining({
        averageScore: 25,
        belowFirstLevel: 2,
        levelCounts: {},
      }),
    });
  });
});
