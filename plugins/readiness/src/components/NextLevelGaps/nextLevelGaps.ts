import type {
  CheckResult,
  ScorecardResult,
} from '@readiness/plugin-readiness-common';

/**
 * The checks of the next level that do not pass yet: what the level needs.
 * Advisory checks do not block a level, so they are not among them.
 */
export function nextLevelGaps(result: ScorecardResult): CheckResult[] {
  return result.checks.filter(
    check =>
      check.level === result.nextLevel &&
      !check.advisory &&
      (check.status === 'fail' || check.status === 'unknown'),
  );
}
