import { MAX_ID_LENGTH } from './limits';
import { Mapping } from './mapping';

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

/**
 * Reads the required slug at `key` (`undefined` when missing) and reports it
 * when malformed, or when `firstLines` (the slugs read so far, with their
 * lines) has it already; adds it there otherwise.
 */
export function readUniqueSlug(
  mapping: Mapping,
  key: string,
  options: {
    /** What the slug is, for the duplicate's problem: `check id`. */
    what: string;
    /** A valid slug, for the malformed one's problem. */
    example: string;
    firstLines: Map<string, number>;
  },
): string | undefined {
  const { what, example, firstLines } = options;
  const value = mapping.string(key, true);
  if (value === undefined) {
    return undefined;
  }
  const problem = slugProblem(value, example);
  const firstLine = firstLines.get(value);
  if (problem) {
    mapping.report(key, problem);
  } else if (firstLine !== undefined) {
    mapping.report(
      key,
      `duplicate ${what} "${value}", first defined at line ${firstLine}`,
    );
  } else {
    firstLines.set(value, mapping.line(key));
  }
  return value;
}
