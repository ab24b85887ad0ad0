import { Entity } from '@backstage/catalog-model';
import { MemoryCatalog } from './MemoryCatalog';

const component = (name: string, type: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type, owner: 'team-a' },
});

describe('MemoryCatalog', () => {
  const catalog = new MemoryCatalog([
    component('Api-Gateway', 'service'),
    component('docs', 'website'),
    component('utils', 'library'),
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'team-a' },
    },
  ]);
  const service = catalog.asService();
  const credentials = {} as any;

  it('finds entities by ref in any case, as string or compound ref', async () => {
    expect(
      (
        await service.getEntityByRef('component:default/api-gateway', {
          credentials,
        })
      )?.metadata.name,
    ).toBe('Api-Gateway');
    expect(
      await service.getEntityByRef(
        { kind: 'component', namespace: 'default', name: 'API-GATEWAY' },
        { credentials },
      ),
    ).toBeDefined();
    const { items } = await service.getEntitiesByRefs(
      { entityRefs: ['group:default/team-a', 'component:default/missing'] },
      { credentials },
    );
    expect(items.map(e => e?.kind)).toEqual(['Group', undefined]);
  });

  it('counts every entity for every caller', async () => {
    const page = await service.queryEntities({ limit: 1 }, { credentials });
    expect(page.items).toHaveLength(1);
    expect(page.totalItems).toBe(4);
  });

  it('filters as the catalog does: sets OR-ed, keys AND-ed, a repeated key OR-ed', () => {
    const names = (filter: string[]) =>
      catalog.filter(filter).map(e => e.metadata.name);
    expect(names(['kind=component,spec.type=service'])).toEqual([
      'Api-Gateway',
    ]);
    expect(
      names([
        'kind=component,spec.type=service',
        'kind=component,spec.type=website',
      ]),
    ).toEqual(['Api-Gateway', 'docs']);
    expect(
      names(['kind=Component,spec.type=service,spec.type=library']),
    ).toEqual(['Api-Gateway', 'utils']);
    expect(names(['spec.owner'])).toHaveLength(3);
    expect(names([])).toHaveLength(4);
  });
});
