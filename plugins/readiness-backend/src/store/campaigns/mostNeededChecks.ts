import { compareText } from '../../lib/compareText';

/**
 * The checks that the most of some open entities still need, from each
 * one's open checks: most needed first, ties by check id, at most `limit`.
 */
export function mostNeededChecks(
  openChecks: Iterable<readonly string[]>,
  limit: number,
): string[] {
  const counts = new Map<string, number>();
  for (const checks of openChecks) {
    for (const check of new Set(checks)) {
      counts.set(check, (counts.get(check) ?? 0) + 1);
    }
  }
  return [...counts]
    .sort(([a, m], [b, n]) => n - m || compareText(a, b))
    .slice(0, limit)
    .map(([check]) => check);
}
