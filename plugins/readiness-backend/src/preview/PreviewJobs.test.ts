import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  createBackendModule,
  createServiceFactory,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  FactCollector,
  readinessCollectorsExtensionPoint,
} from '@readiness/plugin-readiness-node';
import { Knex } from 'knex';
import { Server } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import request from 'supertest';
import { DatabaseReadinessStore } from '../store';
import { readinessPlugin } from '../plugin';
import { collectorTarget } from '../facts/collectorTarget';

jest.setTimeout(60_000);

const component = (name: string, annotations = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
});

const checkout = component('checkout', {
  'backstage.io/techdocs-ref': 'dir:.',
});
const library = component('utils');

/** A draft with a check on a catalog fact and one on a collector's fact. */
const draft = (fact = 'catalog.annotations', extra = '') => `
apiVersion: readiness/v1
kind: Scorecard
metadata:
  name: api-quality
  title: Draft
  description: A stricter draft
spec:
  appliesTo: { kind: component }
  levels: [{ id: bronze, title: Bronze }]
  categories: [{ id: docs, title: Docs }]
  checks:
    - id: techdocs
      title: Has TechDocs
      category: docs
      level: bronze
      weight: 1
      condition: { fact: ${fact}, key: backstage.io/techdocs-ref, exists: true }
      remediation: { text: Add backstage.io/techdocs-ref. }
    - id: flagged
      title: Is flagged
      category: docs
      level: bronze
      weight: 1
      condition: { fact: test.flag, equals: true }
      remediation: { text: Flag it. }
${extra}`;

/** A collector that must never be asked during a preview. */
const collector: FactCollector & { collect: jest.Mock } = {
  id: 'test',
  facts: [{ name: 'test.flag', type: 'boolean', description: 'A flag' }],
  collect: jest.fn(async () => new Map()),
};

const testCollectors = createBackendModule({
  pluginId: 'readiness',
  moduleId: 'test-collectors',
  register(env) {
    env.registerInit({
      deps: { collectors: readinessCollectorsExtensionPoint },
      async init({ collectors }) {
        collectors.addCollector(collector);
      },
    });
  },
});

/** No scheduled run during a test: they would collect and write. */
const QUIET = {
  schedule: {
    frequency: { hours: 24 },
    timeout: { minutes: 1 },
    initialDelay: { hours: 1 },
  },
  changeDetection: {
    frequency: { hours: 24 },
    timeout: { minutes: 1 },
    initialDelay: { hours: 1 },
  },
};

const ADA = mockCredentials.user.header('user:default/ada');
const BOB = mockCredentials.user.header('user:default/bob');

describe('scorecard preview jobs', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  /**
   * The catalog, whose pages after the first `heldAfter` wait for `release`
   * (all of them when 0; none when undefined).
   */
  function catalogOf(entities: Entity[], heldAfter?: number) {
    const catalog = catalogServiceMock({ entities });
    let release = () => {};
    if (heldAfter !== undefined) {
      const released = new Promise<void>(resolve => {
        release = resolve;
      });
      const stream = catalog.streamEntities.bind(catalog);
      jest
        .spyOn(catalog, 'streamEntities')
        .mockImplementation(async function* heldPages(...args) {
          let pages = 0;
          for await (const page of stream(...args)) {
            if (pages++ >= heldAfter) {
              await released;
            }
            yield page;
          }
        });
    }
    return { catalog, release };
  }

  async function startBackend(
    entities: Entity[],
    readiness: object = {},
    options: {
      permissions?: ServiceFactory;
      heldAfter?: number;
      httpAuth?: ServiceFactory;
    } = {},
  ) {
    const knex = await databases.init('SQLITE_3');
    const { catalog, release } = catalogOf(entities, options.heldAfter);
    const { server } = await startTestBackend({
      features: [
        readinessPlugin,
        testCollectors,
        options.permissions ?? mockServices.permissions.factory(),
        ...(options.httpAuth ? [options.httpAuth] : []),
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: { readiness: { ...QUIET, ...readiness } },
        }),
        createServiceFactory({
          service: catalogServiceRef,
          deps: {},
          factory: () => catalog,
        }),
      ],
    });
    return { server, knex, release, catalog };
  }

  beforeEach(() => collector.collect.mockClear());

  const start = (server: Server, document: string, auth = ADA) =>
    request(server)
      .post('/api/readiness/scorecards/preview')
      .set('Authorization', auth)
      .send({ document });

  /** Polls the job until it is no longer running. */
  async function finished(server: Server, id: string, auth = ADA) {
    for (;;) {
      const res = await request(server)
        .get(`/api/readiness/scorecards/preview/${id}`)
        .set('Authorization', auth);
      if (res.status !== 200 || res.body.status !== 'running') {
        return res;
      }
      await new Promise(resolve => setTimeout(resolve, 20));
    }
  }

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

  it('runs as a job over stored facts, asks no collector and writes only the job', async () => {
    const { server, knex } = await startBackend([checkout, library]);
    // The collector's last facts for checkout, from an earlier run.
    const store = await DatabaseReadinessStore.create({
      database: mockServices.database({ knex }),
      skipMigrations: true,
    });
    await store.saveEntityFacts('component:default/checkout', 'test', {
      observedAt: new Date().toISOString(),
      facts: { 'test.flag': true },
      target: collectorTarget(collector, checkout),
    });
    const before = await snapshot(knex);

    const started = await start(server, draft());
    expect(started.status).toBe(202);
    expect(started.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      scorecard: 'api-quality',
      status: 'running',
      evaluated: 0,
      startedAt: expect.any(String),
    });

    const done = await finished(server, started.body.id);
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
    });
    expect(collector.collect).not.toHaveBeenCalled();
    expect(await snapshot(knex)).toEqual(before);
  });

  it('answers 400 with the problems of an invalid draft, and starts no job', async () => {
    const { server, knex } = await startBackend([checkout]);
    const res = await start(server, draft('catalog.annotation'));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /^The scorecard is not valid: document:\d+:\d+ spec\.checks\[0\]\.condition\.fact: unknown fact "catalog\.annotation" \(did you mean "catalog\.annotations"\?\)/,
    );
    await expect(knex('readiness_preview_jobs').select()).resolves.toEqual([]);
  });

  it('needs the preview permission', async () => {
    const { server } = await startBackend(
      [checkout],
      {},
      {
        permissions: mockServices.permissions.factory({
          result: AuthorizeResult.DENY,
        }),
      },
    );
    const res = await start(server, draft());
    expect(res.status).toBe(403);
  });

  it('lets a service preview only when readiness.serviceAccess.preview names it', async () => {
    const as = async (subject: string) => {
      const { server } = await startBackend(
        [checkout],
        { serviceAccess: { preview: ['external:ci'] } },
        {
          httpAuth: mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.service(subject),
          }),
        },
      );
      return request(server)
        .post('/api/readiness/scorecards/preview')
        .send({ document: draft() });
    };
    const denied = await as('external:other');
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toBe(
      'Service external:other may not preview: it is not listed in readiness.serviceAccess.preview',
    );
    expect((await as('external:ci')).status).toBe(202);
  });

  describe('while a job runs', () => {
    it('is the only one its user may run, and only its user may read it', async () => {
      const { server, release } = await startBackend(
        [checkout, library],
        {},
        { heldAfter: 0 },
      );

      const first = await start(server, draft());
      expect(first.status).toBe(202);
      const second = await start(server, draft());
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
      expect((await finished(server, first.body.id)).body.status).toBe('done');
      expect((await start(server, draft())).status).toBe(202);
    });

    it('runs at most readiness.preview.maxConcurrentJobs on a replica', async () => {
      const { server, release } = await startBackend(
        [checkout],
        { preview: { maxConcurrentJobs: 1 } },
        { heldAfter: 0 },
      );
      const first = await start(server, draft());
      expect(first.status).toBe(202);
      const other = await start(server, draft(), BOB);
      expect(other.status).toBe(503);
      expect(other.body.error.message).toBe(
        'This backend is running 1 previews, its limit (readiness.preview.maxConcurrentJobs); try again shortly',
      );
      release();
      await finished(server, first.body.id);
      expect((await start(server, draft(), BOB)).status).toBe(202);
    });

    it('fails when out of its time budget, saying how far it got', async () => {
      const entities = Array.from({ length: 250 }, (_, i) =>
        component(`c${i}`),
      );
      const { server, release } = await startBackend(
        entities,
        // Long enough to evaluate the first page on a busy machine.
        { preview: { timeBudget: { seconds: 3 } } },
        { heldAfter: 1 },
      );
      const started = await start(server, draft());
      const failed = await finished(server, started.body.id);
      release();
      expect(failed.body).toMatchObject({
        status: 'failed',
        evaluated: 200,
        reason:
          'The preview ran out of its time budget of 3 s (readiness.preview.timeBudget) after evaluating 200 entities',
      });
      // The user may start another at once.
      expect((await start(server, draft())).status).toBe(202);
    });
  });

  it('fails with a reason that keeps internal details in the log', async () => {
    const { server, catalog } = await startBackend([checkout]);
    jest.spyOn(catalog, 'streamEntities').mockImplementation(
      // eslint-disable-next-line require-yield
      async function* broken() {
        throw new Error('connect ECONNREFUSED 10.0.0.7:7007');
      },
    );
    const started = await start(server, draft());
    const failed = await finished(server, started.body.id);
    expect(failed.body).toMatchObject({
      status: 'failed',
      reason: `The preview failed after evaluating 0 entities; the backend log has the details under preview ${started.body.id}`,
    });
  });

  it('frees the user of a job whose replica stopped while it ran', async () => {
    const { server, knex } = await startBackend([checkout]);
    await knex('readiness_preview_jobs').insert({
      id: 'lost',
      owner: 'user:default/ada',
      running_owner: 'user:default/ada',
      scorecard_id: 'api-quality',
      status: 'running',
      evaluated: 3,
      started_at: new Date(Date.now() - 3 * 60_000),
    });
    const lost = await finished(server, 'lost');
    expect(lost.body).toMatchObject({
      status: 'failed',
      reason:
        'The backend replica running the preview stopped before it finished',
    });
    const next = await start(server, draft());
    expect(next.status).toBe(202);
    await finished(server, next.body.id);
  });

  it('stops at readiness.preview.maxEntities, truncated', async () => {
    const { server } = await startBackend([checkout, library], {
      preview: { maxEntities: 1 },
    });
    const started = await start(server, draft());
    const done = await finished(server, started.body.id);
    expect(done.body.result).toMatchObject({
      evaluated: 1,
      changed: 1,
      truncated: true,
    });
  });

  it('lists at most readiness.preview.maxChanges changes, lowest score first', async () => {
    const { server } = await startBackend([checkout, library], {
      preview: { maxChanges: 1 },
    });
    const started = await start(server, draft());
    const done = await finished(server, started.body.id);
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
    });
  });

  describe('document size', () => {
    /** The draft, padded with a comment to exactly `bytes` UTF-8 bytes. */
    const draftOf = (bytes: number, filler = 'x') => {
      const base = `${draft()}#`;
      const room = bytes - Buffer.byteLength(base);
      const fill = filler.repeat(Math.floor(room / Buffer.byteLength(filler)));
      const document = `${base}${fill}${'x'.repeat(
        room - Buffer.byteLength(fill),
      )}`;
      expect(Buffer.byteLength(document)).toBe(bytes);
      return document;
    };

    it('accepts a document of the default limit, 256 KiB, and refuses one byte more', async () => {
      const { server } = await startBackend([checkout]);
      const atLimit = await start(server, draftOf(262144));
      expect(atLimit.status).toBe(202);
      await finished(server, atLimit.body.id);

      const over = await start(server, draftOf(262145));
      expect(over.status).toBe(400);
      expect(over.body.error.message).toMatch(/262144/);
    });

    it('takes a limit raised above the default, in the contract too', async () => {
      const { server } = await startBackend([checkout], {
        limits: { scorecards: { maxBytes: 300_000 } },
      });
      const res = await start(server, draftOf(300_000));
      expect(res.status).toBe(202);
      await finished(server, res.body.id);
    });

    it('holds to readiness.limits.scorecards.maxBytes, in bytes, naming it', async () => {
      const { server } = await startBackend([checkout], {
        limits: { scorecards: { maxBytes: 2000 } },
      });
      const atLimit = await start(server, draftOf(2000));
      expect(atLimit.status).toBe(202);
      await finished(server, atLimit.body.id);

      // Fewer characters than the limit, more bytes.
      const wide = draftOf(2001, 'é');
      expect(wide.length).toBeLessThan(2000);
      const over = await start(server, wide);
      expect(over.status).toBe(400);
      expect(over.body.error.message).toMatch(
        /^The scorecard is not valid: .*the file is 2001 bytes \(limit maxBytes is 2000\)$/,
      );

      const huge = await start(server, 'x'.repeat(100_000));
      // The contract's validator answers every request error with 400.
      expect(huge.status).toBe(400);
      expect(huge.body.error.message).toBe(
        'The request body is larger than 77536 bytes; a scorecard document may have at most 2000 bytes (readiness.limits.scorecards.maxBytes)',
      );
    });
  });

  it('serves other requests while a large preview runs', async () => {
    const entities = Array.from({ length: 3000 }, (_, i) =>
      component(`c${i}`, { 'backstage.io/techdocs-ref': 'dir:.' }),
    );
    const { server } = await startBackend(entities);
    // The contract's validators compile at a route's first request.
    await finished(server, 'warm-up');
    await start(server, '');

    const loopDelay = monitorEventLoopDelay({ resolution: 5 });
    loopDelay.enable();
    const startedAt = Date.now();
    const started = await start(server, draft());
    expect(started.status).toBe(202);
    const pollTimes: number[] = [];
    let res;
    do {
      const before = Date.now();
      res = await request(server)
        .get(`/api/readiness/scorecards/preview/${started.body.id}`)
        .set('Authorization', ADA);
      pollTimes.push(Date.now() - before);
    } while (res.body.status === 'running');
    loopDelay.disable();
    const tookMs = Date.now() - startedAt;

    expect(res.body.result).toMatchObject({ evaluated: 3000, changed: 3000 });
    // Many answers came while it ran, each fast: the event loop was never
    // held for long (SQLite's driver is synchronous, so without the slices
    // it would be held for a whole page of entities).
    expect(pollTimes.length).toBeGreaterThan(5);
    expect(Math.max(...pollTimes)).toBeLessThan(500);
    expect(loopDelay.max / 1e6).toBeLessThan(300);
    // eslint-disable-next-line no-console
    console.log(
      `preview of 3000 entities took ${tookMs} ms; ${
        pollTimes.length
      } polls meanwhile, slowest ${Math.max(
        ...pollTimes,
      )} ms; event loop delay max ${Math.round(
        loopDelay.max / 1e6,
      )} ms, p99 ${Math.round(loopDelay.percentile(99) / 1e6)} ms`,
    );
  });
});
