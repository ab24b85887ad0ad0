import { Entity } from '@backstage/catalog-model';
import { appliesToEntity } from './appliesToEntity';

const component = (type?: unknown): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'x' },
  spec: type === undefined ? {} : { type },
});

describe('appliesToEntity', () => {
  it('matches kinds without regard to case', () => {
    expect(appliesToEntity({ kinds: ['component'] }, component())).toBe(true);
    expect(appliesToEntity({ kinds: ['API'] }, component())).toBe(false);
  });

  it('matches types when the selector names them', () => {
    const selector = { kinds: ['Component'], types: ['service', 'website'] };
    expect(appliesToEntity(selector, component('website'))).toBe(true);
    expect(appliesToEntity(selector, component('library'))).toBe(false);
    expect(appliesToEntity(selector, component())).toBe(false);
    expect(appliesToEntity(selector, component(42))).toBe(false);
  });
});
