import type {
  CategoryScore,
  CheckResult,
  ScorecardResult,
} from '@readiness/plugin-readiness-common';

/**
 * The checks of a result grouped by category, in the scorecard's order of
 * categories and checks; categories without checks are left out.
 */
export function checksByCategory(
  result: ScorecardResult,
): Array<{ category: CategoryScore; checks: CheckResult[] }> {
  const categories = [...result.categories];
  for (const check of result.checks) {
    if (!categories.some(category => category.id === check.category)) {
      categories.push({
        id: check.category,
        title: check.category,
        score: null,
      });
    }
  }
  return categories
    .map(category => ({
      category,
      checks: result.checks.filter(check => check.category === category.id),
    }))
    .filter(group => group.checks.length > 0);
}
