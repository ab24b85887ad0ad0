import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { createReadinessStores } from '../store';
import { collectorTarget } from '../facts/collectorTarget';
import { flagCollector } from '../__testUtils__/flagCollector';
import { checkout, draft, library } from '../__testUtils__/previewFixtures';
import {
  finishedPreview,
  startPreview,
} from '../__testUtils__/previewRequests';
import { startPreviewBackend } from '../__testUtils__/startPreviewBackend';

jest.setTimeout(60_000);

const NO_COUNTS = {
  pass: 0,
  fail: 0,
  unknown: 0,
  'not-applicable': 0,
  waived: 0,
};

/** Every row of every table of the plugin but the jobs table. */
async function snapshot(knex: Knex) {
  const tables: Array<{ name: string }> = await knex('sqlite_master')
    .where('type', 'table')
    .andWhere('name', 'like', 'readiness_%')
    .whereNot('name', 'readiness_preview_jobs')
    .select('name');
  expect(tables.length).toBeGreaterThan(3);
  return Object.fromEntries(
    await Promise.all(
      tables.map(async ({ name }) => [name, await knex(name).select()]),
    ),
  );
}

describe('scorecard preview jobs', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  beforeEach(() => flagCollector.collect.mockClear());

  it('runs as a job over stored facts, asks no collector and writes only the job', async () => {
    const { server, knex } = await startPreviewBackend(databases, {
      entities: [checkout, library],
    });
    // The collector's last facts for checkout, from an earlier run.
    const { factsCache } = await createReadinessStores({
      database: mockServices.database({ knex }),
      skipMigrations: true,
    });
    await factsCache.saveEntityFacts('component:default/checkout', 'test', {
      observedAt: new Date().toISOString(),
      facts: { 'test.flag': true },
      target: collectorTarget(flagCollector, checkout),
    });
    const before = await snapshot(knex);

    const started = await startPreview(server, draft());
    expect(started.status).toBe(202);
    expect(started.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      scorecard: 'api-quality',
      status: 'running',
      evaluated: 0,
      startedAt: expect.any(String),
    });

    const done = await finishedPreview(server, started.body.id);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      id: started.body.id,
      status: 'done',
      evaluated: 2,
      finishedAt: expect.any(String),
    });
    expect(done.body.result).toEqual({
      scorecard: 'api-quality',
      evaluated: 2,
      changed: 2,
      truncated: false,
      changes: [
        // No stored facts: test.flag is unknown.
        {
          entityRef: 'component:default/utils',
          before: null,
          after: { score: 0, level: null },
        },
        // Both from stored facts: the catalog's and the collector's.
        {
          entityRef: 'component:default/checkout',
          before: null,
          after: { score: 100, level: 'bronze' },
        },
      ],
      summary: {
        averageScore: 50,
        belowFirstLevel: 1,
        levelCounts: { bronze: 1 },
        checks: [
          {
            id: 'techdocs',
            counts: { ...NO_COUNTS, pass: 1, fail: 1 },
            passRate: 0.5,
          },
          {
            id: 'flagged',
            counts: { ...NO_COUNTS, pass: 1, unknown: 1 },
            passRate: 0.5,
          },
        ],
      },
    });
    expect(flagCollector.collect).not.toHaveBeenCalled();
    expect(await snapshot(knex)).toEqual(before);
  });

  it('answers 400 with the problems of an invalid draft, and starts no job', async () => {
    const { server, knex } = await startPreviewBackend(databases, {
      entities: [checkout],
    });
    const res = await startPreview(server, draft('catalog.annotation'));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /^The scorecard is not valid: document:\d+:\d+ spec\.checks\[0\]\.condition\.fact: unknown fact "catalog\.annotation" \(did you mean "catalog\.annotations"\?\)/,
    );
    await expect(knex('readiness_preview_jobs').select()).resolves.toEqual([]);
  });

  it('fails with a reason that keeps internal details in the log', async () => {
    const { server, catalog } = await startPreviewBackend(databases, {
      entities: [checkout],
    });
    jest.spyOn(catalog, 'streamEntities').mockImplementation(
      // eslint-disable-next-line require-yield
      async function* broken() {
        throw new Error('connect ECONNREFUSED 10.0.0.7:7007');
      },
    );
    const started = await startPreview(server, draft());
    const failed = await finishedPreview(server, started.body.id);
    expect(failed.body).toMatchObject({
      status: 'failed',
      reason: `The preview failed after evaluating 0 entities; the backend log has the details under preview ${started.body.id}`,
    });
  });

  it('frees the user of a job whose replica stopped while it ran', async () => {
    const { server, knex } = await startPreviewBackend(databases, {
      entities: [checkout],
    });
    await knex('readiness_preview_jobs').insert({
      id: 'lost',
      owner: 'user:default/ada',
      running_owner: 'user:default/ada',
      scorecard_id: 'api-quality',
      status: 'running',
      evaluated: 3,
      started_at: new Date(Date.now() - 3 * 60_000),
    });
    const lost = await finishedPreview(server, 'lost');
    expect(lost.body).toMatchObject({
      status: 'failed',
      reason:
        'The backend replica running the preview stopped before it finished',
    });
    const next = await startPreview(server, draft());
    expect(next.status).toBe(202);
    await finishedPreview(server, next.body.id);
  });
});
