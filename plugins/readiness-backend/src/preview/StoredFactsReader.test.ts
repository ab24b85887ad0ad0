import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { FactCollector } from '@readiness/plugin-readiness-node';
import { collectorTarget } from '../facts/collectorTarget';
import { StoredFactsReader } from './StoredFactsReader';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout' },
  spec: { type: 'service' },
};

const collectorOf = (
  id: string,
  appliesTo?: FactCollector['appliesTo'],
): FactCollector => ({
  id,
  facts: [
    { name: `${id}.a`, type: 'boolean', description: 'a' },
    { name: `${id}.b`, type: 'boolean', description: 'b' },
  ],
  ...(appliesTo && { appliesTo }),
  collect: jest.fn(async () => {
    throw new Error('a preview never collects');
  }),
});

const observedAt = '2026-12-01T10:00:00.000Z';
const now = new Date('2026-12-06T10:00:00Z');

describe('StoredFactsReader', () => {
  it('reads the catalog facts and the stored facts of applicable, enabled collectors about the same target', async () => {
    const collectors = [
      collectorOf('one'),
      collectorOf('never'),
      collectorOf('off'),
      collectorOf('apis', { kind: 'api' }),
      collectorOf('moved'),
    ];
    const storedFor = (collector: FactCollector, target?: string) => ({
      observedAt,
      facts: { [`${collector.id}.a`]: true },
      target: target ?? collectorTarget(collector, entity),
    });
    const stored = new Map(
      collectors.map(c => [
        c.id,
        // Facts about what the entity pointed `moved` at before.
        storedFor(c, c.id === 'moved' ? 'elsewhere' : undefined),
      ]),
    );
    stored.delete('never');
    const getEntityFacts = jest.fn(async () => stored);
    const reader = new StoredFactsReader({
      catalogFacts: async () => ({
        'catalog.name': { value: 'checkout', source: 'catalog', observedAt },
      }),
      collectors: () => collectors,
      factsCache: { getEntityFacts },
      enabled: id => id !== 'off',
    });

    await expect(
      reader.read(entity, now, mockCredentials.user()),
    ).resolves.toEqual({
      'catalog.name': { value: 'checkout', source: 'catalog', observedAt },
      'one.a': { value: true, source: 'one', observedAt },
      'one.b': {
        source: 'one',
        reason: 'collector one gave no value when it last worked',
      },
    });
    expect(getEntityFacts).toHaveBeenCalledWith('component:default/checkout');
    for (const collector of collectors) {
      expect(collector.collect).not.toHaveBeenCalled();
    }
  });

  it('does not read the store when no collector applies', async () => {
    const getEntityFacts = jest.fn();
    const reader = new StoredFactsReader({
      catalogFacts: async () => ({}),
      collectors: () => [collectorOf('apis', { kind: 'api' })],
      factsCache: { getEntityFacts },
    });
    await expect(
      reader.read(entity, now, mockCredentials.user()),
    ).resolves.toEqual({});
    expect(getEntityFacts).not.toHaveBeenCalled();
  });

  it('adds the facts pipelines pushed, as an evaluation would', async () => {
    const pushed = {
      'pushed.testCoverage': {
        value: 87.5,
        source: 'pushed:github-actions',
        observedAt,
      },
    };
    const factsOf = jest.fn(async () => pushed);
    const reader = new StoredFactsReader({
      catalogFacts: async () => ({}),
      collectors: () => [],
      factsCache: { getEntityFacts: jest.fn() },
      pushedFacts: { factsOf },
    });
    await expect(
      reader.read(entity, now, mockCredentials.user()),
    ).resolves.toEqual(pushed);
    expect(factsOf).toHaveBeenCalledWith('component:default/checkout');
  });
});
