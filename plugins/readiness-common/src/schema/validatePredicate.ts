import { parseFilterPredicate } from '@backstage/filter-predicates';
import { EntityPredicate } from '../types';
import { Context } from './context';
import { Mapping } from './mapping';

/**
 * Reads an entity predicate (`appliesTo`, a waiver's `entities`) with the
 * same parser the engine's predicates come from, so what validates here
 * evaluates there.
 */
export function validatePredicate(
  ctx: Context,
  mapping: Mapping,
  key: string,
  required: boolean,
): EntityPredicate | undefined {
  const node = mapping.value(key);
  if (!node) {
    if (required) {
      mapping.reportMissing(key);
    }
    return undefined;
  }
  try {
    return parseFilterPredicate(ctx.toJS(node));
  } catch (error) {
    const detail = String((error as Error).message).replace(
      /^Invalid filter predicate: /,
      '',
    );
    mapping.report(
      key,
      `not a valid entity predicate such as { kind: component, spec.type: service }: ${detail}`,
    );
    return undefined;
  }
}
