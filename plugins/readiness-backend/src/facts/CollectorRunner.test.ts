import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  CollectorError,
  FactCollector,
} from '@readiness/plugin-readiness-node';
import { ReadinessStore } from '../store';
import { sqliteStore } from '../__testUtils__/sqliteStore';
import { CatalogRelationsResolver } from './CatalogRelationsResolver';
import { CollectorRunner } from './CollectorRunner';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout' },
  spec: { type: 'service', owner: 'team-a' },
};
const ref = 'component:default/checkout';
const now = new Date('2026-11-25T10:00:00Z');

function collector(
  id: string,
  collect: FactCollector['collect'],
  extra: Partial<FactCollector> = {},
): FactCollector {
  return {
    id,
    facts: [
      { name: `${id}.ok`, type: 'boolean', description: 'a flag' },
      { name: `${id}.count`, type: 'number', description: 'a count' },
    ],
    collect,
    ...extra,
  };
}

const team: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-a' },
  relations: [{ type: 'hasMember', targetRef: 'user:default/ada' }],
};

function relations(resolve: CatalogRelationsResolver['resolve']) {
  return { resolve } as CatalogRelationsResolver;
}

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

async function gather(
  collectors: FactCollector[],
  timeoutMs = 1000,
  resolver = relations(async () => ({ owner: team, system: null })),
  options: {
    store?: ReadinessStore;
    frequencyMs?: number;
    maxLastGoodAgeMs?: number;
    at?: Date;
    force?: boolean;
    entity?: Entity;
    logger?: ReturnType<typeof mockServices.logger.mock>;
  } = {},
) {
  return new CollectorRunner({
    relations: resolver,
    collectors: () => collectors,
    store: options.store ?? (await sqliteStore(databases)),
    logger: options.logger ?? mockServices.logger.mock(),
    settings: {
      timeoutMs,
      frequencyMs: () => options.frequencyMs ?? 0,
      maxLastGoodAgeMs: () => options.maxLastGoodAgeMs ?? Infinity,
      enabled: id => id !== 'off',
    },
  }).collect(options.entity ?? entity, options.at ?? now, {
    force: options.force,
  });
}

describe('CollectorRunner', () => {
  it('adds the facts of each collector to the catalog facts', async () => {
    const facts = await gather([
      collector(
        'demo',
        async () => new Map([[ref, { 'demo.ok': true, 'demo.count': 2 }]]),
      ),
    ]);
    expect(facts['catalog.owner']).toMatchObject({ value: 'team-a' });
    expect(facts['demo.ok']).toEqual({
      value: true,
      source: 'demo',
      observedAt: '2026-11-25T10:00:00.000Z',
    });
    expect(facts['demo.count']).toMatchObject({ value: 2 });
  });

  it('adds facts about the owner and system it resolves', async () => {
    const facts = await gather([]);
    expect(facts['catalog.ownerMembers']).toMatchObject({ value: 1 });
    expect(facts['catalog.systemResolved']).toMatchObject({ value: false });
  });

  it('makes relation facts unavailable when the catalog fails, with an id for the details in the log', async () => {
    const logger = mockServices.logger.mock();
    const facts = await gather(
      [],
      1000,
      relations(async () => {
        throw new Error(
          'select * from "final_entities" where ... - connect ECONNREFUSED 10.0.3.7:5432',
        );
      }),
      { logger },
    );
    expect(facts['catalog.owner']).toMatchObject({ value: 'team-a' });
    const { reason } = facts['catalog.ownerMembers'] as { reason: string };
    expect(reason).toMatch(
      /^the catalog could not resolve the owner and system \(error [0-9a-f]{8} in the backend log\)$/,
    );
    const id = reason.match(/error ([0-9a-f]{8})/)![1];
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        new RegExp(
          `\\(error ${id}\\): select \\* from "final_entities".*10\\.0\\.3\\.7`,
        ),
      ),
    );
  });

  it('makes every fact of a failing collector unavailable, without its error details, and keeps the others', async () => {
    const logger = mockServices.logger.mock();
    const facts = await gather(
      [
        collector('broken', async () => {
          throw new Error(
            'GET https://ghe.internal.example:8443/api/v3/repos/acme/web answered 503',
          );
        }),
        collector(
          'demo',
          async () => new Map([[ref, { 'demo.ok': true, 'demo.count': 1 }]]),
        ),
      ],
      1000,
      undefined,
      { logger },
    );
    expect(facts['broken.ok']).toEqual({
      source: 'broken',
      reason: expect.stringMatching(
        /^collector broken failed \(error [0-9a-f]{8} in the backend log\)$/,
      ),
    });
    expect(JSON.stringify(facts)).not.toContain('internal.example');
    const id = (facts['broken.ok'] as { reason: string }).reason.match(
      /error ([0-9a-f]{8})/,
    )![1];
    const collectorWarnings = (logger.child as jest.Mock).mock.results.flatMap(
      ({ value }) =>
        (value.warn as jest.Mock).mock.calls.map(([message]) => message),
    );
    expect(collectorWarnings).toContainEqual(
      expect.stringContaining(
        `(error ${id}): GET https://ghe.internal.example:8443`,
      ),
    );
    expect(facts['broken.count']).toEqual(facts['broken.ok']);
    expect(facts['demo.ok']).toMatchObject({ value: true });
  });

  it('shows the message of an error the collector marks safe to show', async () => {
    const facts = await gather([
      collector('picky', async () => {
        throw new CollectorError('repository acme/web not found', {
          cause: new Error('GET https://ghe.internal.example/api answered 404'),
        });
      }),
    ]);
    expect(facts['picky.ok']).toEqual({
      source: 'picky',
      reason: 'collector picky failed: repository acme/web not found',
    });
  });

  it('gives up on a slow collector at the timeout and aborts it', async () => {
    let signal: AbortSignal | undefined;
    const facts = await gather(
      [
        collector('slow', (_entities, context) => {
          signal = context.signal;
          return new Promise(() => {});
        }),
      ],
      20,
    );
    expect(facts['slow.ok']).toEqual({
      source: 'slow',
      reason: 'collector slow failed: timed out after 20 ms',
    });
    expect(signal?.aborted).toBe(true);
  });

  it('keeps the valid part of a malformed result', async () => {
    const facts = await gather([
      collector(
        'sloppy',
        async () => new Map([[ref, { 'sloppy.ok': 'yes', 'sloppy.count': 4 }]]),
      ),
    ]);
    expect(facts['sloppy.ok']).toEqual({
      source: 'sloppy',
      reason: 'collector sloppy returned no valid value',
    });
    expect(facts['sloppy.count']).toMatchObject({ value: 4 });
  });

  it('makes the facts of a collector turned off in app-config unavailable, saying so', async () => {
    const collect = jest.fn();
    const facts = await gather([collector('off', collect)]);
    expect(collect).not.toHaveBeenCalled();
    expect(facts['off.ok']).toEqual({
      source: 'off',
      reason: 'collector off is turned off (readiness.collectors.off.enabled)',
    });
  });

  it('skips collectors that do not apply to the entity', async () => {
    const collect = jest.fn();
    const facts = await gather([
      collector('apis', collect, { appliesTo: { kind: 'api' } }),
    ]);
    expect(collect).not.toHaveBeenCalled();
    expect(facts['apis.ok']).toBeUndefined();
  });

  describe('with facts stored from an earlier collection', () => {
    const later = new Date('2026-11-25T12:00:00Z');
    const resolver = relations(async () => ({ owner: team, system: null }));

    async function storeWithEarlierFacts() {
      const store = await sqliteStore(databases);
      await gather(
        [
          collector(
            'demo',
            async () => new Map([[ref, { 'demo.ok': true, 'demo.count': 3 }]]),
          ),
        ],
        1000,
        resolver,
        { store },
      );
      return store;
    }

    it('keeps the last good facts, with their age, when the collector fails', async () => {
      const store = await storeWithEarlierFacts();
      const facts = await gather(
        [
          collector('demo', async () => {
            throw new Error('503 Service Unavailable');
          }),
        ],
        1000,
        resolver,
        { store, at: later },
      );
      expect(facts['demo.count']).toEqual({
        value: 3,
        source: 'demo',
        observedAt: now.toISOString(),
      });
    });

    it('reuses facts fresher than the frequency, unless forced', async () => {
      const store = await storeWithEarlierFacts();
      const collect = jest.fn(
        async () => new Map([[ref, { 'demo.ok': false, 'demo.count': 4 }]]),
      );
      const demo = collector('demo', collect);
      const threeHours = 3 * 60 * 60 * 1000;

      const reused = await gather([demo], 1000, resolver, {
        store,
        at: later,
        frequencyMs: threeHours,
      });
      expect(collect).not.toHaveBeenCalled();
      expect(reused['demo.count']).toMatchObject({ value: 3 });

      const forced = await gather([demo], 1000, resolver, {
        store,
        at: later,
        frequencyMs: threeHours,
        force: true,
      });
      expect(forced['demo.count']).toEqual({
        value: 4,
        source: 'demo',
        observedAt: later.toISOString(),
      });

      const stale = await gather([demo], 1000, resolver, {
        store,
        at: new Date('2026-11-25T16:00:00Z'),
        frequencyMs: threeHours,
      });
      expect(collect).toHaveBeenCalledTimes(2);
      expect(stale['demo.ok']).toMatchObject({ value: false });
    });

    const pointedAt = (slug: string, extra: Record<string, string> = {}) => ({
      ...entity,
      metadata: {
        ...entity.metadata,
        annotations: { 'github.com/project-slug': slug, ...extra },
      },
    });

    it('never uses facts about what the entity pointed the collector at before', async () => {
      const store = await sqliteStore(databases);
      const good = collector(
        'demo',
        async () => new Map([[ref, { 'demo.ok': true, 'demo.count': 3 }]]),
      );
      await gather([good], 1000, resolver, {
        store,
        entity: pointedAt('acme/well-kept'),
      });

      // Pointed at another repository, within the frequency: asked anew.
      const collect = jest.fn(async () => {
        throw new Error('404 Not Found');
      });
      const facts = await gather([collector('demo', collect)], 1000, resolver, {
        store,
        at: later,
        frequencyMs: 3 * 60 * 60 * 1000,
        entity: pointedAt('acme/broken'),
      });
      expect(collect).toHaveBeenCalledTimes(1);
      expect(facts['demo.ok']).toEqual({
        source: 'demo',
        reason: expect.stringContaining(
          'its last facts were about what the entity named before',
        ),
      });

      // Pointed back, the facts about that repository serve again.
      const back = await gather([collector('demo', collect)], 1000, resolver, {
        store,
        at: later,
        entity: pointedAt('acme/well-kept'),
      });
      expect(back['demo.count']).toMatchObject({ value: 3 });
    });

    it('lets a collector say what it reads, so that other changes keep its facts', async () => {
      const store = await sqliteStore(databases);
      const target = (e: Entity) =>
        e.metadata.annotations?.['github.com/project-slug'] ?? '';
      await gather(
        [
          collector(
            'demo',
            async () => new Map([[ref, { 'demo.ok': true, 'demo.count': 3 }]]),
            { target },
          ),
        ],
        1000,
        resolver,
        { store, entity: pointedAt('acme/well-kept') },
      );
      const collect = jest.fn();
      const facts = await gather(
        [collector('demo', collect, { target })],
        1000,
        resolver,
        {
          store,
          at: later,
          frequencyMs: 3 * 60 * 60 * 1000,
          entity: pointedAt('acme/well-kept', { 'example.com/other': 'x' }),
        },
      );
      expect(collect).not.toHaveBeenCalled();
      expect(facts['demo.count']).toMatchObject({ value: 3 });
    });

    it('does not use facts stored before targets were', async () => {
      const store = await sqliteStore(databases);
      await store.saveEntityFacts(ref, 'demo', {
        observedAt: now.toISOString(),
        facts: { 'demo.ok': true, 'demo.count': 3 },
      });
      const facts = await gather(
        [
          collector('demo', async () => {
            throw new Error('503 Service Unavailable');
          }),
        ],
        1000,
        resolver,
        { store, at: later },
      );
      expect(facts['demo.count']).toEqual({
        source: 'demo',
        reason: expect.stringContaining(
          'its last facts were stored without what they were read from',
        ),
      });
    });

    it('makes last good facts older than their maximum age unknown, saying since when', async () => {
      const store = await storeWithEarlierFacts();
      const failing = collector('demo', async () => {
        throw new Error('503 Service Unavailable');
      });
      const day = 24 * 60 * 60 * 1000;
      const young = await gather([failing], 1000, resolver, {
        store,
        at: new Date(now.getTime() + 6 * day),
        maxLastGoodAgeMs: 7 * day,
      });
      expect(young['demo.count']).toMatchObject({ value: 3 });

      const old = await gather([failing], 1000, resolver, {
        store,
        at: new Date(now.getTime() + 8 * day),
        maxLastGoodAgeMs: 7 * day,
      });
      expect(old['demo.count']).toEqual({
        source: 'demo',
        reason: expect.stringContaining(
          `its last good facts, observed at ${now.toISOString()}, are older than readiness.collectors.demo.maxLastGoodAge allows`,
        ),
      });
    });
  });
});
