import type { Entity } from '@backstage/catalog-model';
import { evaluateFilterPredicate } from '@backstage/filter-predicates';
import { EntityPredicate } from '../types';

/**
 * Whether an entity matches a predicate; no predicate matches every entity.
 * String comparisons ignore case, as the catalog's do.
 *
 * @public
 */
export function appliesToEntity(
  predicate: EntityPredicate | undefined,
  entity: Entity,
): boolean {
  return predicate === undefined || evaluateFilterPredicate(predicate, entity);
}
