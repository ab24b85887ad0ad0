import type {
  CheckResult,
  ScorecardResult,
} from '@readiness/plugin-readiness-common';

/**
 * The checks with a status, most worth working on first: those of the next
 * level (they unlock it), then the heaviest (they move the score most).
 */
export function prioritizeChecks(
  result: ScorecardResult,
  status: 'fail' | 'unknown',
): CheckResult[] {
  const rank = (check: CheckResult) =>
    check.level === result.nextLevel ? 0 : 1;
  return result.checks
    .filter(check => check.status === status)
    .sort((a, b) => rank(a) - rank(b) || b.weight - a.weight);
}
