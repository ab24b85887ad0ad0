import { isScalar, isSeq } from 'yaml';
import { Context } from './context';
import { childPath, Mapping } from './mapping';
import { readUniqueSlug } from './uniqueSlug';

export interface Identified {
  mapping: Mapping;
  /**
   * Undefined when missing. A malformed or duplicate id is kept (and
   * reported) so that references to it are not reported as well.
   */
  id: string | undefined;
}

/**
 * Reads a non-empty list of mappings with unique `id`s (levels, categories,
 * checks), so that references to them can be checked before the items
 * themselves are.
 */
export function readIdentifiedList(
  ctx: Context,
  spec: Mapping,
  key: string,
  what: string,
  example: string,
): Identified[] {
  const value = spec.value(key);
  const empty =
    value === undefined ||
    (isScalar(value) && value.value === null) ||
    (isSeq(value) && value.items.length === 0);
  if (empty) {
    spec.report(key, `a scorecard needs at least one ${what}`);
    return [];
  }
  const firstLines = new Map<string, number>();
  return (spec.list(key, true) ?? []).flatMap((item, index) => {
    const mapping = Mapping.of(
      ctx,
      item,
      item,
      childPath(spec.pathOf(key), index),
    );
    if (!mapping) {
      return [];
    }
    const id = readUniqueSlug(mapping, 'id', {
      what: `${what} id`,
      example,
      firstLines,
    });
    return [{ mapping, id }];
  });
}
