import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ownerScorecard } from '../__testUtils__/ownerScorecard';
import { testEvaluator } from '../__testUtils__/testEvaluator';
import { sqliteStores } from '../__testUtils__/testStores';
import { EntityEvaluator } from '../evaluation/EntityEvaluator';
import { CatalogEvaluationRun } from './CatalogEvaluationRun';

const scorecard = ownerScorecard('basics');

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', owner: 'team-a' },
});

const DAY = 24 * 60 * 60 * 1000;

describe('CatalogEvaluationRun', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let clock = new Date('2026-11-25T10:00:00Z');
  const now = () => clock;

  async function setUp() {
    const stores = await sqliteStores(databases);
    const logger = mockServices.logger.mock();
    const evaluator = testEvaluator({ stores, scorecards: [scorecard], now });
    const runOver = (
      entities: Entity[],
      evaluate = evaluator,
      signal?: AbortSignal,
    ) =>
      new CatalogEvaluationRun({
        catalog: catalogServiceMock({ entities }),
        auth: mockServices.auth(),
        resultWriter: stores.resultWriter,
        retention: stores.retention,
        evaluator: evaluate,
        logger,
        historyRetentionMs: DAY,
        now,
      }).run(signal);
    return { stores, evaluator, runOver };
  }

  it('evaluates every entity of the catalog, page by page', async () => {
    const { stores, runOver } = await setUp();
    const entities = Array.from({ length: 450 }, (_, i) =>
      component(`svc-${i}`),
    );

    await expect(runOver(entities)).resolves.toEqual({
      evaluated: 450,
      failed: 0,
      skipped: 0,
      removed: 0,
      expired: 0,
    });
    for (const name of ['svc-0', 'svc-199', 'svc-200', 'svc-449']) {
      const stored = await stores.entityResults.getEntityResults(
        `component:default/${name}`,
      );
      expect(stored.results.get('basics')?.score).toBe(100);
    }
  });

  it('removes the results of entities that left the catalog', async () => {
    const { stores, runOver } = await setUp();
    await runOver([component('stays'), component('goes')]);

    clock = new Date(clock.getTime() + 60_000);
    await expect(runOver([component('stays')])).resolves.toEqual({
      evaluated: 1,
      failed: 0,
      skipped: 0,
      removed: 1,
      expired: 0,
    });

    expect(
      (await stores.entityResults.getEntityResults('component:default/goes'))
        .results.size,
    ).toBe(0);
    expect(
      (await stores.entityResults.getEntityResults('component:default/stays'))
        .results.size,
    ).toBe(1);
  });

  it('keeps going past an entity that fails, keeps its results, and removes those of the others that left', async () => {
    const { stores, evaluator, runOver } = await setUp();
    await runOver([component('flaky'), component('gone')]);

    clock = new Date(clock.getTime() + 60_000);
    const failing = Object.create(evaluator) as EntityEvaluator;
    failing.compute = async entity => {
      if (entity.metadata.name === 'flaky') {
        throw new Error('collector exploded');
      }
      return evaluator.compute(entity);
    };

    await expect(
      runOver([component('flaky'), component('fine')], failing),
    ).resolves.toEqual({
      evaluated: 1,
      failed: 1,
      skipped: 0,
      removed: 1,
      expired: 0,
    });
    // The failed entity keeps its last results; one that left the catalog
    // goes all the same, however long the other keeps failing.
    expect(
      (await stores.entityResults.getEntityResults('component:default/flaky'))
        .results.size,
    ).toBe(1);
    expect(
      (await stores.entityResults.getEntityResults('component:default/gone'))
        .results.size,
    ).toBe(0);
  });

  it('keeps going past an entity that fails to store, and removes those that left', async () => {
    const { stores, runOver } = await setUp();
    await runOver([component('unstorable'), component('gone')]);

    clock = new Date(clock.getTime() + 60_000);
    // A lasting failure: every write that includes this entity fails.
    const failingWrites = Object.create(
      stores.resultWriter,
    ) as typeof stores.resultWriter;
    const refuse = (refs: string[]) => {
      if (refs.includes('component:default/unstorable')) {
        throw new Error('value too long for column');
      }
    };
    failingWrites.replaceResultsOfEntities = async batch => {
      refuse(batch.map(b => b.entity.ref));
      return stores.resultWriter.replaceResultsOfEntities(batch);
    };
    failingWrites.replaceEntityResults = async (entity, results) => {
      refuse([entity.ref]);
      return stores.resultWriter.replaceEntityResults(entity, results);
    };
    const logger = mockServices.logger.mock();
    const evaluator = testEvaluator({ stores, scorecards: [scorecard], now });
    const run = new CatalogEvaluationRun({
      catalog: catalogServiceMock({
        entities: [component('unstorable'), component('fine')],
      }),
      auth: mockServices.auth(),
      resultWriter: failingWrites,
      retention: stores.retention,
      evaluator,
      logger,
      historyRetentionMs: DAY,
      now,
    });

    await expect(run.run()).resolves.toEqual({
      evaluated: 1,
      failed: 1,
      skipped: 0,
      removed: 1,
      expired: 0,
    });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('Could not store component:default/unstorable'),
    );
    expect(
      (
        await stores.entityResults.getEntityResults(
          'component:default/unstorable',
        )
      ).results.size,
    ).toBe(1);
    expect(
      (await stores.entityResults.getEntityResults('component:default/gone'))
        .results.size,
    ).toBe(0);
  });

  it('neither overwrites nor removes an entity evaluated anew during the run', async () => {
    const { stores, evaluator, runOver } = await setUp();
    await runOver([component('refreshed'), component('other')]);

    // The run computes `refreshed` as it starts; a refresh computes and
    // stores it a minute later, before the run stores its own.
    const runStart = new Date(clock.getTime() + 60_000);
    clock = runStart;
    const racing = Object.create(evaluator) as EntityEvaluator;
    racing.compute = async entity => {
      const evaluation = await evaluator.compute(entity);
      if (entity.metadata.name === 'refreshed') {
        clock = new Date(runStart.getTime() + 60_000);
        await evaluator.evaluate({
          ...entity,
          spec: { ...entity.spec, owner: undefined },
        });
        clock = runStart;
      }
      return evaluation;
    };

    await expect(
      runOver([component('refreshed'), component('other')], racing),
    ).resolves.toMatchObject({ evaluated: 1, skipped: 1, removed: 0 });
    const refreshed = await stores.entityResults.getEntityResults(
      'component:default/refreshed',
    );
    // The refresh's result (no owner), not the run's older one.
    expect(refreshed.results.get('basics')).toMatchObject({
      score: 0,
      evaluatedAt: new Date(runStart.getTime() + 60_000).toISOString(),
    });
  });

  it('removes history older than the retention', async () => {
    const { stores, runOver } = await setUp();
    await runOver([component('svc')]);
    expect(
      await stores.history.getEntityHistory('component:default/svc', {
        limit: 10,
      }),
    ).toHaveLength(1);

    clock = new Date(clock.getTime() + 2 * DAY);
    await expect(runOver([component('svc')])).resolves.toMatchObject({
      expired: 1,
    });
    expect(
      await stores.history.getEntityHistory('component:default/svc', {
        limit: 10,
      }),
    ).toEqual([]);
  });

  it('stops between pages when aborted, loses nothing, and the next run completes without duplicating history', async () => {
    const { stores, evaluator, runOver } = await setUp();
    const entities = Array.from({ length: 450 }, (_, i) =>
      component(`svc-${i}`),
    );
    await runOver(entities.slice(0, 10));

    // As when the backend stops mid-run: abort once the first page is done.
    clock = new Date(clock.getTime() + 60_000);
    const controller = new AbortController();
    let evaluated = 0;
    const stopping = Object.create(evaluator) as EntityEvaluator;
    stopping.compute = async entity => {
      if (++evaluated === 200) {
        controller.abort();
      }
      return evaluator.compute(entity);
    };
    await expect(
      runOver(entities, stopping, controller.signal),
    ).resolves.toMatchObject({ evaluated: 200, removed: 0 });
    expect(
      (await stores.entityResults.getEntityResults('component:default/svc-300'))
        .results.size,
    ).toBe(0);

    clock = new Date(clock.getTime() + 60_000);
    await expect(runOver(entities)).resolves.toMatchObject({
      evaluated: 450,
      failed: 0,
    });
    for (const name of ['svc-0', 'svc-199', 'svc-300']) {
      const history = await stores.history.getEntityHistory(
        `component:default/${name}`,
        { limit: 10 },
      );
      // One first evaluation each, whatever the runs that saw it.
      expect(history.map(c => c.cause)).toEqual(['first-evaluation']);
    }
  });
});
