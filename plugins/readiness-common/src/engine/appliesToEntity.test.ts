import { Entity } from '@backstage/catalog-model';
import { appliesToEntity } from './appliesToEntity';

const component = (type?: unknown): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'x', annotations: { 'readiness.dev/ai-ml': 'true' } },
  spec: type === undefined ? {} : { type },
});

describe('appliesToEntity', () => {
  it('matches every entity without a predicate', () => {
    expect(appliesToEntity(undefined, component())).toBe(true);
  });

  it('matches kinds without regard to case', () => {
    expect(appliesToEntity({ kind: 'component' }, component())).toBe(true);
    expect(appliesToEntity({ kind: 'API' }, component())).toBe(false);
  });

  it('matches types, annotations and combinations', () => {
    const services = {
      kind: 'component',
      'spec.type': { $in: ['service', 'website'] },
    };
    expect(appliesToEntity(services, component('website'))).toBe(true);
    expect(appliesToEntity(services, component('library'))).toBe(false);
    expect(appliesToEntity(services, component())).toBe(false);
    expect(
      appliesToEntity(
        { 'metadata.annotations.readiness.dev/ai-ml': 'true' },
        component(),
      ),
    ).toBe(true);
  });
});
