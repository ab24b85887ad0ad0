import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { PreviewJobStore } from './PreviewJobStore';
import { PreviewResult } from './ScorecardPreview';

jest.setTimeout(60_000);

const directory = resolvePackagePath(
  '@readiness/plugin-readiness-backend',
  'migrations',
);
const MIGRATION = '20261206030000_preview_jobs.js';

const ADA = 'user:default/ada';
const T0 = new Date('2026-12-06T10:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

const result: PreviewResult = {
  scorecard: 'draft',
  evaluated: 2,
  changed: 1,
  changes: [
    {
      entityRef: 'component:default/checkout',
      before: null,
      after: { score: 50, level: 'bronze' },
    },
  ],
  truncated: false,
};

describe('PreviewJobStore', () => {
  const databases = TestDatabases.create();

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory });
    const store = await PreviewJobStore.create({
      database: mockServices.database({ knex }),
    });
    return { knex, store };
  }

  it.each(databases.eachSupportedId())(
    'its migration creates and drops the jobs table alone, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      await store.start({
        id: 'j1',
        owner: ADA,
        scorecard: 'draft',
        startedAt: T0,
      });
      await expect(
        knex('readiness_preview_jobs').count({ n: '*' }),
      ).resolves.toEqual([{ n: expect.anything() }]);

      await knex.migrate.down({ directory, name: MIGRATION });
      await expect(
        knex.schema.hasTable('readiness_preview_jobs'),
      ).resolves.toBe(false);
      await expect(
        knex.schema.hasTable('readiness_scorecard_results'),
      ).resolves.toBe(true);

      await knex.migrate.up({ directory, name: MIGRATION });
      await expect(store.get('j1')).resolves.toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps a job from running to done, one running job per owner, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.start({
        id: 'j1',
        owner: ADA,
        scorecard: 'draft',
        startedAt: T0,
      });
      await store.progress('j1', 7);
      await expect(store.get('j1')).resolves.toEqual({
        id: 'j1',
        owner: ADA,
        scorecard: 'draft',
        status: 'running',
        evaluated: 7,
        startedAt: T0.toISOString(),
      });

      await expect(
        store.start({
          id: 'j2',
          owner: ADA,
          scorecard: 'draft',
          startedAt: T0,
        }),
      ).rejects.toThrow(
        'Your preview j1 is still running; wait for it to finish before starting another',
      );
      // Another owner is not held up.
      await store.start({
        id: 'j3',
        owner: 'user:default/bob',
        scorecard: 'draft',
        startedAt: T0,
      });

      await store.finish('j1', result, later(1000));
      await expect(store.get('j1')).resolves.toEqual({
        id: 'j1',
        owner: ADA,
        scorecard: 'draft',
        status: 'done',
        evaluated: 2,
        startedAt: T0.toISOString(),
        finishedAt: later(1000).toISOString(),
        result,
      });
      // A late progress report changes nothing.
      await store.progress('j1', 1);
      await expect(store.get('j1')).resolves.toMatchObject({ evaluated: 2 });

      await store.start({
        id: 'j2',
        owner: ADA,
        scorecard: 'draft',
        startedAt: T0,
      });
      await store.fail('j2', 'out of time', later(2000), 5);
      await expect(store.get('j2')).resolves.toMatchObject({
        status: 'failed',
        reason: 'out of time',
        evaluated: 5,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses a second running job of an owner started on another replica at the same time, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const other = await PreviewJobStore.create({
        database: mockServices.database({ knex }),
      });
      const outcomes = await Promise.allSettled([
        store.start({ id: 'j1', owner: ADA, scorecard: 'd', startedAt: T0 }),
        other.start({ id: 'j2', owner: ADA, scorecard: 'd', startedAt: T0 }),
      ]);
      expect(outcomes.map(o => o.status).sort()).toEqual([
        'fulfilled',
        'rejected',
      ]);
      const rejected = outcomes.find(o => o.status === 'rejected') as
        | PromiseRejectedResult
        | undefined;
      expect(rejected?.reason.name).toBe('ConflictError');
    },
  );

  it.each(databases.eachSupportedId())(
    'deletes finished jobs after the retention and fails abandoned ones, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.start({
        id: 'old',
        owner: ADA,
        scorecard: 'd',
        startedAt: T0,
      });
      await store.finish('old', result, later(1000));
      await store.start({
        id: 'new',
        owner: ADA,
        scorecard: 'd',
        startedAt: later(5000),
      });
      await store.finish('new', result, later(6000));
      await store.start({
        id: 'stuck',
        owner: ADA,
        scorecard: 'd',
        startedAt: later(7000),
      });

      await expect(store.deleteFinishedBefore(later(3000))).resolves.toBe(1);
      await expect(store.get('old')).resolves.toBeUndefined();
      await expect(store.get('new')).resolves.toMatchObject({ status: 'done' });

      await store.failAbandoned(later(7000), 'abandoned', later(9000));
      await expect(store.get('stuck')).resolves.toMatchObject({
        status: 'running',
      });
      await store.failAbandoned(later(8000), 'abandoned', later(9000));
      await expect(store.get('stuck')).resolves.toMatchObject({
        status: 'failed',
        reason: 'abandoned',
      });
      // The owner may start again.
      await store.start({
        id: 'next',
        owner: ADA,
        scorecard: 'd',
        startedAt: later(9000),
      });
    },
  );
});
