import {
  DEFAULT_NAMESPACE,
  Entity,
  EntityRelation,
  RELATION_API_CONSUMED_BY,
  RELATION_API_PROVIDED_BY,
  RELATION_HAS_MEMBER,
} from '@backstage/catalog-model';
import { CatalogRelations } from '@readiness/plugin-readiness-common';
import { entityKey } from './entityKey';
import { CatalogEntity } from './loadCatalogFiles';

/** Catalog entities by their lower-case ref. */
export type EntityIndex = ReadonlyMap<string, CatalogEntity>;

function namespaceOf(entity: Entity): string {
  return entity.metadata.namespace ?? DEFAULT_NAMESPACE;
}

/**
 * Relations that the catalog derives from spec fields, which catalog files
 * do not carry: each gives the entity at `on` (the one declaring the field,
 * or the one it refers to) a relation to the other.
 */
const DERIVED_RELATIONS = [
  {
    kind: 'user',
    field: 'memberOf',
    defaultKind: 'group',
    type: RELATION_HAS_MEMBER,
    on: 'target',
  },
  {
    kind: 'group',
    field: 'members',
    defaultKind: 'user',
    type: RELATION_HAS_MEMBER,
    on: 'source',
  },
  {
    kind: 'component',
    field: 'providesApis',
    defaultKind: 'api',
    type: RELATION_API_PROVIDED_BY,
    on: 'target',
  },
  {
    kind: 'component',
    field: 'consumesApis',
    defaultKind: 'api',
    type: RELATION_API_CONSUMED_BY,
    on: 'target',
  },
] as const;

/**
 * Indexes the entities by ref, each with the relations the catalog would
 * derive among them (a group's `hasMember`, an API's `apiProvidedBy` and
 * `apiConsumedBy`): facts such as the owner's member count and an API's
 * providers are counted from relations. An entity gets an empty list when
 * nothing relates to it, as from the catalog; relations to entities outside
 * the loaded files cannot be known.
 */
export function indexEntities(entities: CatalogEntity[]): EntityIndex {
  const derived = new Map<string, Map<string, EntityRelation>>();
  const relate = (from: string, type: string, targetRef: string) => {
    const relations = derived.get(from) ?? new Map();
    relations.set(`${type} ${targetRef}`, { type, targetRef });
    derived.set(from, relations);
  };
  for (const { entity, ref } of entities) {
    const kind = entity.kind.toLocaleLowerCase('en-US');
    const self = ref.toLocaleLowerCase('en-US');
    for (const rule of DERIVED_RELATIONS) {
      const values = kind === rule.kind ? entity.spec?.[rule.field] : undefined;
      for (const value of Array.isArray(values) ? values : []) {
        const other = entityKey(value, {
          defaultKind: rule.defaultKind,
          defaultNamespace: namespaceOf(entity),
        });
        if (other && rule.on === 'target') {
          relate(other, rule.type, self);
        } else if (other) {
          relate(self, rule.type, other);
        }
      }
    }
  }

  const index = new Map<string, CatalogEntity>();
  for (const catalogEntity of entities) {
    const key = catalogEntity.ref.toLocaleLowerCase('en-US');
    const { entity } = catalogEntity;
    const relations = [
      ...(entity.relations ?? []),
      ...(derived.get(key)?.values() ?? []),
    ];
    index.set(key, { ...catalogEntity, entity: { ...entity, relations } });
  }
  return index;
}

/** The references that facts follow, with the catalog's default kinds. */
const REFERENCES = [
  { field: 'owner', defaultKind: 'group' },
  { field: 'system', defaultKind: 'system' },
] as const;

function referenceKey(
  entity: Entity,
  field: string,
  defaultKind: string,
): string | undefined {
  return entityKey(entity.spec?.[field], {
    defaultKind,
    defaultNamespace: namespaceOf(entity),
  });
}

/**
 * The loaded entities that `spec.owner` and `spec.system` refer to, with the
 * catalog's defaults (kind `group` or `system`, the entity's namespace);
 * `null` when not declared; `undefined` when declared but not among the
 * loaded entities: the files given may simply not include it, so the facts
 * that depend on it are unknown rather than false.
 */
export function resolveRelations(
  entity: Entity,
  index: EntityIndex,
): CatalogRelations {
  const [owner, system] = REFERENCES.map(({ field, defaultKind }) => {
    const key = referenceKey(entity, field, defaultKind);
    return key ? index.get(key)?.entity : null;
  });
  return { owner, system };
}

/**
 * The declared references that name no loaded entity, e.g.
 * `owner group:default/team-a`: checks on them are unknown until the file
 * that defines the entity is given too.
 */
export function unresolvedReferences(
  entity: Entity,
  index: EntityIndex,
): string[] {
  return REFERENCES.flatMap(({ field, defaultKind }) => {
    const key = referenceKey(entity, field, defaultKind);
    return key && !index.has(key) ? [`${field} ${key}`] : [];
  });
}
