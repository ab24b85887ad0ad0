import type {
  CheckResult,
  ScorecardResult,
} from '@readiness/plugin-readiness-common';

/**
 * The checks with a status, most worth working on first: those of the next
 * level (they unlock it), then the heaviest (they move the score most).
 * Advisory checks are left out: they are warnings, listed on their own.
 */
export function prioritizeChecks(
  result: ScorecardResult,
  status: 'fail' | 'unknown',
): CheckResult[] {
  return byPriority(
    result,
    result.checks.filter(check => check.status === status && !check.advisory),
  );
}

/**
 * The advisory checks that fail or are unknown: warnings now, failures
 * once enforced; the soonest enforced first, then by priority.
 */
export function advisoryWarnings(result: ScorecardResult): CheckResult[] {
  const enforced = (check: CheckResult) =>
    check.advisory?.enforcedFrom ?? '9999-12-31';
  return byPriority(
    result,
    result.checks.filter(
      check =>
        check.advisory &&
        (check.status === 'fail' || check.status === 'unknown'),
    ),
  ).sort((a, b) => enforced(a).localeCompare(enforced(b)));
}

function byPriority(
  result: ScorecardResult,
  checks: CheckResult[],
): CheckResult[] {
  const rank = (check: CheckResult) =>
    check.level === result.nextLevel ? 0 : 1;
  return checks.sort((a, b) => rank(a) - rank(b) || b.weight - a.weight);
}
