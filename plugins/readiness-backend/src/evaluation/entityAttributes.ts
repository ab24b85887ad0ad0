import { Entity } from '@backstage/catalog-model';
import { FactSet } from '@readiness/plugin-readiness-common';
import { relationRefOf } from '../facts/CatalogRelationsResolver';
import { EntityAttributes } from '../store';

/**
 * A relation's ref, lower case as the catalog compares refs: an entity may
 * spell its owner `Team-A` where the group is `team-a`.
 */
function refOf(
  value: unknown,
  defaultKind: string,
  defaultNamespace: string,
): string | null {
  return relationRefOf(value, defaultKind, defaultNamespace) ?? null;
}

const textOrNull = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null;

/**
 * What an entity's results are ranked and filtered by. Owner, system and
 * domain become refs with the catalog's default kinds and the entity's
 * namespace; the domain comes from the resolved system (`catalog.domain`),
 * when it was resolved.
 */
export function entityAttributes(
  entity: Entity,
  facts: FactSet,
): EntityAttributes {
  const namespace = entity.metadata.namespace ?? 'default';
  const domain = facts['catalog.domain'];
  const tags = entity.metadata.tags;
  return {
    kind: entity.kind.toLocaleLowerCase('en-US'),
    type: textOrNull(entity.spec?.type),
    lifecycle: textOrNull(entity.spec?.lifecycle),
    tags: Array.isArray(tags)
      ? tags.filter((t): t is string => typeof t === 'string' && t !== '')
      : [],
    owner: refOf(entity.spec?.owner, 'group', namespace),
    system: refOf(entity.spec?.system, 'system', namespace),
    domain:
      domain && 'value' in domain
        ? refOf(domain.value, 'domain', namespace)
        : null,
  };
}
