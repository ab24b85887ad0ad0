import type { Entity } from '@backstage/catalog-model';
import { EntitySelector } from '../types';

/**
 * Whether a scorecard's selector matches an entity. Kinds compare without
 * case, as the catalog does.
 *
 * @public
 */
export function appliesToEntity(
  selector: EntitySelector,
  entity: Entity,
): boolean {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  if (!selector.kinds.some(k => k.toLocaleLowerCase('en-US') === kind)) {
    return false;
  }
  if (!selector.types) {
    return true;
  }
  const type = entity.spec?.type;
  return typeof type === 'string' && selector.types.includes(type);
}
