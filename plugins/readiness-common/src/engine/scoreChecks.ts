import { CheckStatus, ScorecardDefinition } from '../types';
import { CategoryScore, CheckResult, StatusCounts } from '../results';
import { CompiledCheck } from './compileScorecard';

/** Not-applicable and waived checks are neither scored nor block levels. */
function isScored(status: CheckStatus): boolean {
  return status === 'pass' || status === 'fail' || status === 'unknown';
}

/** Weighted share that passes, 0 to 100 to one decimal; null if none. */
function share(passed: number, total: number): number | null {
  return total === 0 ? null : Math.round((passed / total) * 1000) / 10;
}

export interface Scores {
  score: number;
  level: string | null;
  nextLevel: string | null;
  categoryScores: CategoryScore[];
  counts: StatusCounts;
  /** Advisory checks that fail or are unknown. */
  advisoryFailing: number;
}

/**
 * The score, level and counts of evaluated checks, in one pass. Weights are
 * summed in check order so that results do not depend on evaluation order.
 * Advisory checks are left out of all of them and only counted apart when
 * they fail or are unknown.
 */
export function scoreChecks(
  scorecard: ScorecardDefinition,
  checks: CompiledCheck[],
  results: CheckResult[],
): Scores {
  const { levels, categories } = scorecard;
  const counts: StatusCounts = {
    pass: 0,
    fail: 0,
    unknown: 0,
    'not-applicable': 0,
    waived: 0,
  };
  const categoryTotal = new Array<number>(categories.length).fill(0);
  const categoryPassed = new Array<number>(categories.length).fill(0);
  let total = 0;
  let passed = 0;
  // The first level with a check that is scored and does not pass.
  let blockedLevel = levels.length;
  let advisoryFailing = 0;

  for (let i = 0; i < results.length; i++) {
    const { status, weight, advisory } = results[i];
    const { categoryIndex, levelIndex } = checks[i];
    if (advisory !== undefined) {
      advisoryFailing += status === 'fail' || status === 'unknown' ? 1 : 0;
      continue;
    }
    counts[status] += 1;
    if (!isScored(status)) {
      continue;
    }
    const pass = status === 'pass';
    total += weight;
    passed += pass ? weight : 0;
    if (categoryIndex !== -1) {
      categoryTotal[categoryIndex] += weight;
      categoryPassed[categoryIndex] += pass ? weight : 0;
    }
    if (!pass && levelIndex !== -1 && levelIndex < blockedLevel) {
      blockedLevel = levelIndex;
    }
  }

  return {
    score: share(passed, total) ?? 100,
    level: blockedLevel > 0 ? levels[blockedLevel - 1].id : null,
    nextLevel: levels[blockedLevel]?.id ?? null,
    categoryScores: categories.map((category, index) => ({
      id: category.id,
      title: category.title,
      score: share(categoryPassed[index], categoryTotal[index]),
    })),
    counts,
    advisoryFailing,
  };
}
