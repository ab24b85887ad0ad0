import { Entity } from '@backstage/catalog-model';
import { catalogFacts } from './catalogFacts';

const observedAt = new Date('2026-11-25T10:00:00Z');

describe('catalogFacts', () => {
  it('reads what the entity declares', () => {
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'checkout',
        description: 'Takes payments',
        tags: ['java'],
        annotations: { 'pagerduty.com/service-id': 'P1' },
        links: [
          { url: 'https://r.example', type: 'Runbook' },
          { url: 'https://x.example' },
        ],
      },
      spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
    };
    const facts = catalogFacts(entity, observedAt);
    const values = Object.fromEntries(
      Object.entries(facts).map(([name, fact]) => [name, fact.value]),
    );
    expect(values).toEqual({
      'catalog.kind': 'Component',
      'catalog.type': 'service',
      'catalog.owner': 'team-a',
      'catalog.lifecycle': 'production',
      'catalog.system': null,
      'catalog.description': 'Takes payments',
      'catalog.tags': ['java'],
      'catalog.annotations': { 'pagerduty.com/service-id': 'P1' },
      'catalog.linkTypes': ['runbook'],
    });
    expect(facts['catalog.owner']).toEqual({
      value: 'team-a',
      source: 'catalog',
      observedAt: '2026-11-25T10:00:00.000Z',
    });
  });

  it('treats blank and mistyped fields as not declared', () => {
    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'odd', description: '   ', tags: ['ok', 3] },
      spec: { owner: { name: 'not-a-string' }, lifecycle: '' },
    } as unknown as Entity;
    const facts = catalogFacts(entity, observedAt);
    expect(facts['catalog.description'].value).toBeNull();
    expect(facts['catalog.owner'].value).toBeNull();
    expect(facts['catalog.lifecycle'].value).toBeNull();
    expect(facts['catalog.tags'].value).toEqual(['ok']);
    expect(facts['catalog.annotations'].value).toEqual({});
  });
});
