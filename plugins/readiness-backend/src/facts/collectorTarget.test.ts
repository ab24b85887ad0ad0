import { Entity } from '@backstage/catalog-model';
import { FactCollector } from '@readiness/plugin-readiness-node';
import { collectorTarget } from './collectorTarget';

const entity = (annotations: Record<string, string>, spec = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'web', annotations },
  spec,
});

const collector = (target?: FactCollector['target']): FactCollector => ({
  id: 'demo',
  facts: [],
  collect: async () => new Map(),
  target,
});

describe('collectorTarget', () => {
  it('by default, changes with the annotations, labels or spec, not with their order', () => {
    const a = entity({ x: '1', y: '2' }, { type: 'service', owner: 'a' });
    const sameInOtherOrder = entity(
      { y: '2', x: '1' },
      { owner: 'a', type: 'service' },
    );
    expect(collectorTarget(collector(), a)).toBe(
      collectorTarget(collector(), sameInOtherOrder),
    );
    expect(collectorTarget(collector(), a)).toMatch(/^[0-9a-f]{64}$/);
    expect(collectorTarget(collector(), a)).not.toBe(
      collectorTarget(collector(), entity({ x: '1', y: '3' }, a.spec!)),
    );
    expect(collectorTarget(collector(), a)).not.toBe(
      collectorTarget(collector(), entity({ x: '1', y: '2' }, {})),
    );
  });

  it("follows the collector's own target, and the default when that throws", () => {
    const bySlug = collector(e => e.metadata.annotations?.slug ?? '');
    expect(collectorTarget(bySlug, entity({ slug: 'a', other: '1' }))).toBe(
      collectorTarget(bySlug, entity({ slug: 'a', other: '2' })),
    );
    const broken = collector(() => {
      throw new Error('no slug');
    });
    expect(collectorTarget(broken, entity({ slug: 'a' }))).toBe(
      collectorTarget(collector(), entity({ slug: 'a' })),
    );
  });
});
