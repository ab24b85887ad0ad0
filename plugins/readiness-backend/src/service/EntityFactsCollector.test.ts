import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { FactCollector } from '@readiness/plugin-readiness-node';
import { ReadinessStore } from '../database';
import { sqliteStore } from '../__testUtils__/sqliteStore';
import { CatalogRelationsResolver } from './CatalogRelationsResolver';
import { EntityFactsCollector } from './EntityFactsCollector';

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
    at?: Date;
    force?: boolean;
  } = {},
) {
  return new EntityFactsCollector(
    resolver,
    () => collectors,
    options.store ?? (await sqliteStore(databases)),
    mockServices.logger.mock(),
    {
      timeoutMs,
      frequencyMs: () => options.frequencyMs ?? 0,
      enabled: id => id !== 'off',
    },
  ).collect(entity, options.at ?? now, { force: options.force });
}

describe('EntityFactsCollector', () => {
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

  it('makes relation facts unavailable, with the reason, when the catalog fails', async () => {
    const facts = await gather(
      [],
      1000,
      relations(async () => {
        throw new Error('catalog unavailable');
      }),
    );
    expect(facts['catalog.owner']).toMatchObject({ value: 'team-a' });
    expect(facts['catalog.ownerMembers']).toEqual({
      source: 'catalog',
      reason:
        'the catalog could not resolve the owner and system: catalog unavailable',
    });
  });

  it('makes every fact of a failing collector unavailable, and keeps the others', async () => {
    const facts = await gather([
      collector('broken', async () => {
        throw new Error('503 Service Unavailable');
      }),
      collector(
        'demo',
        async () => new Map([[ref, { 'demo.ok': true, 'demo.count': 1 }]]),
      ),
    ]);
    expect(facts['broken.ok']).toEqual({
      source: 'broken',
      reason: 'collector broken failed: 503 Service Unavailable',
    });
    expect(facts['broken.count']).toEqual(facts['broken.ok']);
    expect(facts['demo.ok']).toMatchObject({ value: true });
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
  });
});
