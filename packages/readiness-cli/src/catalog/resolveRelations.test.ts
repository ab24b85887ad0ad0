import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  indexEntities,
  resolveRelations,
  unresolvedReferences,
} from './resolveRelations';

function entity(
  kind: string,
  name: string,
  spec: Entity['spec'] = {},
  namespace?: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, ...(namespace && { namespace }) },
    spec,
  };
}

function index(...entities: Entity[]) {
  return indexEntities(
    entities.map(e => ({
      entity: e,
      ref: stringifyEntityRef(e),
      location: 'x:1',
    })),
  );
}

describe('indexEntities', () => {
  it("derives a group's hasMember relations from memberOf and its own members", () => {
    const catalog = index(
      entity('Group', 'team-a', { members: ['carol', 'user:default/alice'] }),
      entity('User', 'alice', { memberOf: ['team-a'] }),
      entity('User', 'bob', { memberOf: ['group:default/Team-A', 'team-b'] }),
      entity('User', 'dave', { memberOf: ['team-a'] }, 'other'),
      entity('Group', 'team-a', {}, 'other'),
    );
    expect(catalog.get('group:default/team-a')?.entity.relations).toEqual([
      { type: 'hasMember', targetRef: 'user:default/carol' },
      { type: 'hasMember', targetRef: 'user:default/alice' },
      { type: 'hasMember', targetRef: 'user:default/bob' },
    ]);
    // memberOf resolves in the user's namespace.
    expect(catalog.get('group:other/team-a')?.entity.relations).toEqual([
      { type: 'hasMember', targetRef: 'user:other/dave' },
    ]);
    // As from the catalog: a list, empty when nothing relates to it.
    expect(catalog.get('user:default/alice')?.entity.relations).toEqual([]);
  });

  it("derives an API's providers and consumers from components", () => {
    const catalog = index(
      entity('API', 'orders-api'),
      entity('Component', 'orders', { providesApis: ['orders-api'] }),
      entity('Component', 'web', { consumesApis: ['api:default/orders-api'] }),
    );
    expect(catalog.get('api:default/orders-api')?.entity.relations).toEqual([
      { type: 'apiProvidedBy', targetRef: 'component:default/orders' },
      { type: 'apiConsumedBy', targetRef: 'component:default/web' },
    ]);
  });
});

describe('resolveRelations', () => {
  const catalog = index(
    entity('Group', 'team-a'),
    entity('User', 'jane'),
    entity('System', 'payments'),
    entity('System', 'payments', {}, 'shop'),
  );

  it('resolves owner as a group and system in the entity namespace by default', () => {
    const relations = resolveRelations(
      entity('Component', 'a', { owner: 'team-a', system: 'payments' }),
      catalog,
    );
    expect(relations.owner?.metadata.name).toBe('team-a');
    expect(relations.system?.metadata).toEqual({ name: 'payments' });
    const inShop = resolveRelations(
      entity(
        'Component',
        'b',
        { owner: 'user:default/jane', system: 'payments' },
        'shop',
      ),
      catalog,
    );
    expect(inShop.owner?.kind).toBe('User');
    expect(inShop.system?.metadata.namespace).toBe('shop');
  });

  it('gives null for refs that are missing or invalid, undefined for those not loaded', () => {
    expect(resolveRelations(entity('Component', 'c'), catalog)).toEqual({
      owner: null,
      system: null,
    });
    expect(
      resolveRelations(
        entity('Component', 'd', { owner: 'team-z', system: 42 }),
        catalog,
      ),
    ).toEqual({ owner: undefined, system: null });
  });

  it('names the declared references that resolve to nothing', () => {
    expect(
      unresolvedReferences(
        entity('Component', 'e', { owner: 'team-z', system: 'payments' }),
        catalog,
      ),
    ).toEqual(['owner group:default/team-z']);
    expect(unresolvedReferences(entity('Component', 'f'), catalog)).toEqual([]);
  });
});
