import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { FactSet } from '@readiness/plugin-readiness-common';
import { EntityGroups } from '../database';

function refOf(
  value: unknown,
  defaultKind: string,
  defaultNamespace: string,
): string | null {
  if (typeof value !== 'string' || value.trim() === '') {
    return null;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace }),
    );
  } catch {
    return null;
  }
}

/**
 * The owner, system and domain refs an entity is ranked under, with the
 * catalog's default kinds and the entity's namespace. The domain comes from
 * the resolved system (`catalog.domain`), when it was resolved.
 */
export function entityGroups(entity: Entity, facts: FactSet): EntityGroups {
  const namespace = entity.metadata.namespace ?? 'default';
  const domain = facts['catalog.domain'];
  return {
    owner: refOf(entity.spec?.owner, 'group', namespace),
    system: refOf(entity.spec?.system, 'system', namespace),
    domain:
      domain && 'value' in domain
        ? refOf(domain.value, 'domain', namespace)
        : null,
  };
}
