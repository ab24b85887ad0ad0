import type { CheckResult } from './results';
import type { LevelDefinition } from './types';

/** What {@link orderOpenChecks} reads of a check. @public */
export type OpenCheckFields = Pick<
  CheckResult,
  'status' | 'level' | 'weight' | 'title' | 'advisory'
>;

/**
 * The checks of a result that are open (fail or unknown), most urgent
 * first: those of the lowest level not reached (the next level, which they
 * block), then those of higher levels by rank, then those of levels the
 * scorecard does not define, then the advisory ones (warnings that block
 * nothing). Within each group, heavier checks first, then by title, then in
 * the result's order.
 *
 * `levels` are the scorecard's, lowest first; by default the result's own,
 * or the definition in force for a stored result. Callers that want only
 * the checks that count drop the advisory ones, which come last.
 *
 * @public
 */
export function orderOpenChecks<C extends OpenCheckFields>(
  result: {
    checks: readonly C[];
    scorecard: { levels: readonly LevelDefinition[] };
  },
  levels: readonly LevelDefinition[] = result.scorecard.levels,
): C[] {
  const ranks = new Map(levels.map((level, index) => [level.id, index]));
  // Advisory checks after every level, checks of unknown levels just before.
  const rankOf = (check: C) =>
    check.advisory
      ? levels.length + 1
      : ranks.get(check.level) ?? levels.length;
  return result.checks
    .filter(check => check.status === 'fail' || check.status === 'unknown')
    .map((check, index) => ({ check, index, rank: rankOf(check) }))
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        b.check.weight - a.check.weight ||
        compareText(a.check.title, b.check.title) ||
        a.index - b.index,
    )
    .map(({ check }) => check);
}

/** Code-unit order: the same on every machine, unlike a locale's. */
function compareText(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

/**
 * The level named by its id or its title, ignoring case and surrounding
 * spaces (`silver`, `Silver`, ` SILVER `); an id wins over another level's
 * title. Undefined when no level is named so: callers say which levels
 * there are, e.g. with `hint`.
 *
 * @public
 */
export function findLevel<L extends LevelDefinition>(
  levels: readonly L[],
  idOrTitle: string,
): L | undefined {
  const wanted = idOrTitle.trim().toLowerCase();
  return (
    levels.find(level => level.id.toLowerCase() === wanted) ??
    levels.find(level => level.title.trim().toLowerCase() === wanted)
  );
}
