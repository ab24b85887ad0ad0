import { isScalar, isSeq } from 'yaml';
import { Context } from './context';
import { MAX_ID_LENGTH } from './limits';
import { childPath, Mapping } from './mapping';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Why `value` is not a valid scorecard name or id, or undefined. Ids end up
 * in URLs, CLI output, references and database columns, so they are kept to
 * one safe form and length.
 */
export function slugProblem(
  value: string,
  example: string,
): string | undefined {
  if (value.length > MAX_ID_LENGTH) {
    return `"${value.slice(0, 40)}…" is ${
      value.length
    } characters long; ids may have at most ${MAX_ID_LENGTH}, the size of the database columns that store them`;
  }
  return SLUG.test(value)
    ? undefined
    : `"${value}" is not valid: use lowercase letters, digits and single dashes, e.g. ${example}`;
}

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
    const id = mapping.string('id', true);
    const problem = id === undefined ? undefined : slugProblem(id, example);
    const firstLine = id === undefined ? undefined : firstLines.get(id);
    if (problem) {
      mapping.report('id', problem);
    } else if (firstLine !== undefined) {
      mapping.report(
        'id',
        `duplicate ${what} id "${id}", first defined at line ${firstLine}`,
      );
    } else if (id !== undefined) {
      firstLines.set(id, mapping.line('id'));
    }
    return [{ mapping, id }];
  });
}
