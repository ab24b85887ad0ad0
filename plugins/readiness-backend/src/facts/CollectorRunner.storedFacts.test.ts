import { TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  collector,
  entity,
  gatherWith,
  now,
  ref,
  relations,
  team,
} from '../__testUtils__/collectorRunnerFixtures';
import { sqliteStores } from '../__testUtils__/testStores';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const gather = gatherWith(databases);

describe('CollectorRunner', () => {
  describe('with facts stored from an earlier collection', () => {
    const later = new Date('2026-11-25T12:00:00Z');
    const resolver = relations(async () => ({ owner: team, system: null }));

    async function factsCacheWithEarlierFacts() {
      const factsCache = (await sqliteStores(databases)).factsCache;
      await gather(
        [
          collector(
            'demo',
            async () => new Map([[ref, { 'demo.ok': true, 'demo.count': 3 }]]),
          ),
        ],
        1000,
        resolver,
        { factsCache },
      );
      return factsCache;
    }

    it('keeps the last good facts, with their age, when the collector fails', async () => {
      const factsCache = await factsCacheWithEarlierFacts();
      const facts = await gather(
        [
          collector('demo', async () => {
            throw new Error('503 Service Unavailable');
          }),
        ],
        1000,
        resolver,
        { factsCache, at: later },
      );
      expect(facts['demo.count']).toEqual({
        value: 3,
        source: 'demo',
        observedAt: now.toISOString(),
      });
    });

    it('reuses facts fresher than the frequency, unless forced', async () => {
      const factsCache = await factsCacheWithEarlierFacts();
      const collect = jest.fn(
        async () => new Map([[ref, { 'demo.ok': false, 'demo.count': 4 }]]),
      );
      const demo = collector('demo', collect);
      const threeHours = 3 * 60 * 60 * 1000;

      const reused = await gather([demo], 1000, resolver, {
        factsCache,
        at: later,
        frequencyMs: threeHours,
      });
      expect(collect).not.toHaveBeenCalled();
      expect(reused['demo.count']).toMatchObject({ value: 3 });

      const forced = await gather([demo], 1000, resolver, {
        factsCache,
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
        factsCache,
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
      const factsCache = (await sqliteStores(databases)).factsCache;
      const good = collector(
        'demo',
        async () => new Map([[ref, { 'demo.ok': true, 'demo.count': 3 }]]),
      );
      await gather([good], 1000, resolver, {
        factsCache,
        entity: pointedAt('acme/well-kept'),
      });

      // Pointed at another repository, within the frequency: asked anew.
      const collect = jest.fn(async () => {
        throw new Error('404 Not Found');
      });
      const facts = await gather([collector('demo', collect)], 1000, resolver, {
        factsCache,
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
        factsCache,
        at: later,
        entity: pointedAt('acme/well-kept'),
      });
      expect(back['demo.count']).toMatchObject({ value: 3 });
    });

    it('lets a collector say what it reads, so that other changes keep its facts', async () => {
      const factsCache = (await sqliteStores(databases)).factsCache;
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
        { factsCache, entity: pointedAt('acme/well-kept') },
      );
      const collect = jest.fn();
      const facts = await gather(
        [collector('demo', collect, { target })],
        1000,
        resolver,
        {
          factsCache,
          at: later,
          frequencyMs: 3 * 60 * 60 * 1000,
          entity: pointedAt('acme/well-kept', { 'example.com/other': 'x' }),
        },
      );
      expect(collect).not.toHaveBeenCalled();
      expect(facts['demo.count']).toMatchObject({ value: 3 });
    });

    it('does not use facts stored before targets were', async () => {
      const factsCache = (await sqliteStores(databases)).factsCache;
      await factsCache.saveEntityFacts(ref, 'demo', {
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
        { factsCache, at: later },
      );
      expect(facts['demo.count']).toEqual({
        source: 'demo',
        reason: expect.stringContaining(
          'its last facts were stored without what they were read from',
        ),
      });
    });

    it('makes last good facts older than their maximum age unknown, saying since when', async () => {
      const factsCache = await factsCacheWithEarlierFacts();
      const failing = collector('demo', async () => {
        throw new Error('503 Service Unavailable');
      });
      const day = 24 * 60 * 60 * 1000;
      const young = await gather([failing], 1000, resolver, {
        factsCache,
        at: new Date(now.getTime() + 6 * day),
        maxLastGoodAgeMs: 7 * day,
      });
      expect(young['demo.count']).toMatchObject({ value: 3 });

      const old = await gather([failing], 1000, resolver, {
        factsCache,
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
