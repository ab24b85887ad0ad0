/**
 * Budgets that keep reading a scorecard linear in its size, whoever wrote
 * it: a file over a limit is refused with a problem that names the limit,
 * and its validation stops there.
 *
 * @public
 */
export interface ScorecardLimits {
  /** Largest file, in UTF-8 bytes, all its documents together. */
  maxBytes: number;
  /**
   * Bytes that aliases (`*name`) may add to one document when each is
   * replaced by the node it refers to; an alias inside an aliased node counts
   * again every time. This bounds the tree that is validated, compiled and
   * evaluated, however aliases nest (ten-fold aliases five levels deep expand
   * a 1 KB document a hundred-thousand-fold).
   */
  maxAliasedBytes: number;
  /**
   * How deeply mappings and lists may nest, aliases expanded. A condition
   * inside `all`, `any` or `firstKnown` takes two levels (a list and a
   * mapping), and a check's condition starts at level 4.
   */
  maxDepth: number;
  /** Condition nodes (`all`, `any`, `firstKnown`, `not`, fact leaves, attestations, check references) of one scorecard, aliases expanded. */
  maxConditionNodes: number;
  /** Condition nodes of one check's condition, aliases expanded. */
  maxConditionNodesPerCheck: number;
}

/**
 * Far above what scorecards need (the largest built-in one is 45 KB, with
 * 171 condition nodes, at most 11 in a check, nested at most 12 levels
 * deep), and low enough that the work a file can cause stays small: the
 * YAML parser's own time (linear, about a second for 256 KiB on a loaded
 * 2-core machine) dominates.
 *
 * @public
 */
export const DEFAULT_SCORECARD_LIMITS: Readonly<ScorecardLimits> =
  Object.freeze({
    maxBytes: 256 * 1024,
    maxAliasedBytes: 256 * 1024,
    maxDepth: 64,
    maxConditionNodes: 5000,
    maxConditionNodesPerCheck: 500,
  });

/**
 * Longest scorecard, level, category or check id: results store them in
 * columns of this many characters.
 *
 * @public
 */
export const MAX_ID_LENGTH = 128;

/** Says which limit was exceeded, so that the reader knows what to change. */
export function limitMessage(
  what: string,
  name: keyof ScorecardLimits,
  limits: ScorecardLimits,
): string {
  return `${what} (limit ${name} is ${limits[name]})`;
}
