import { truncateText } from '../truncateText';

/**
 * Fixed bounds on what one check's result holds, whatever the scorecard and
 * the entity: the same in the backend, the CLI and previews, so that results
 * never depend on where they were computed.
 *
 * - `reasonsPerCheck`: distinct reasons kept from a check's condition; any
 *   more are summed up in a last reason, `… and N more`.
 * - `reasonLength`: characters of one reason; longer ones are cut with `…`.
 * - `evidencePerCheck`: evidence items of one check, one per fact (and key)
 *   it read, in the order read.
 *
 * @public
 */
export const RESULT_LIMITS = Object.freeze({
  reasonsPerCheck: 10,
  reasonLength: 500,
  evidencePerCheck: 50,
});

/** `text`, cut to `max` characters (a reason's by default) with a final `…`. */
export function truncate(
  text: string,
  max: number = RESULT_LIMITS.reasonLength,
): string {
  return truncateText(text, max);
}

/**
 * The reasons of the parts of a condition that failed (or are unknown), as
 * they are evaluated: distinct, at most `reasonsPerCheck`, the rest counted,
 * so that the work per part is bounded whatever the parts hold. The first
 * part's list is kept as it is (lists are distinct already) and copied only
 * when a second part adds to it.
 */
export class ReasonGatherer {
  reasons: readonly string[] | undefined = undefined;
  /** How many were left out (some may repeat each other). */
  omitted = 0;
  private owned = false;

  add(reasons: readonly string[], omitted: number | undefined): void {
    this.omitted += omitted ?? 0;
    if (this.reasons === undefined) {
      this.reasons = reasons;
      return;
    }
    let into = this.reasons as string[];
    if (!this.owned) {
      into = this.reasons.slice();
      this.reasons = into;
      this.owned = true;
    }
    for (const reason of reasons) {
      if (into.includes(reason)) {
        continue;
      }
      if (into.length < RESULT_LIMITS.reasonsPerCheck) {
        into.push(reason);
      } else {
        this.omitted++;
      }
    }
  }
}

/**
 * A check's reasons as its result shows them: at most `reasonsPerCheck`
 * distinct ones, each at most `reasonLength` long, then the `extras` (why a
 * waiver or exemption no longer applies), then how many were left out.
 * Reasons from compiled conditions are distinct and cut already.
 */
export function resultReasons(
  reasons: readonly string[],
  omitted: number | undefined,
  extras: readonly string[] = [],
): readonly string[] {
  const { reasonsPerCheck } = RESULT_LIMITS;
  // Compiled conditions give at most reasonsPerCheck reasons, each cut
  // already: the common case costs nothing.
  if (reasons.length <= reasonsPerCheck && !omitted && extras.length === 0) {
    return reasons;
  }
  const distinct = [...new Set(reasons)];
  const kept = distinct.slice(0, reasonsPerCheck);
  const more = (omitted ?? 0) + distinct.length - kept.length;
  const result = kept.map(reason => truncate(reason));
  for (const extra of extras) {
    result.push(truncate(extra));
  }
  if (more > 0) {
    result.push(`… and ${more} more`);
  }
  return result;
}
