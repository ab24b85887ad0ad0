import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import {
  CheckResult,
  CheckStatus,
  FactSet,
  ScorecardDefinition,
  ScorecardResult,
  StatusCounts,
} from '../types';
import { evaluateCondition } from './evaluateCondition';

const SCORED: ReadonlySet<CheckStatus> = new Set(['pass', 'fail', 'unknown']);
const STATUS_OF = { true: 'pass', false: 'fail', unknown: 'unknown' } as const;
const CLEARS_LEVEL: ReadonlySet<CheckStatus> = new Set([
  'pass',
  'not-applicable',
  'waived',
]);

/** Weighted share of scored checks that pass, 0 to 100; null if none scored. */
function weightedScore(checks: CheckResult[]): number | null {
  const scored = checks.filter(c => SCORED.has(c.status));
  const total = scored.reduce((sum, c) => sum + c.weight, 0);
  if (total === 0) {
    return null;
  }
  const passed = scored
    .filter(c => c.status === 'pass')
    .reduce((sum, c) => sum + c.weight, 0);
  return Math.round((passed / total) * 1000) / 10;
}

function countStatuses(checks: CheckResult[]): StatusCounts {
  const counts: StatusCounts = {
    pass: 0,
    fail: 0,
    unknown: 0,
    'not-applicable': 0,
    waived: 0,
  };
  for (const check of checks) {
    counts[check.status] += 1;
  }
  return counts;
}

/**
 * Evaluates one scorecard for one entity. Pure: the same inputs give the same
 * result.
 *
 * @public
 */
export function evaluateScorecard(
  scorecard: ScorecardDefinition,
  entity: Entity,
  facts: FactSet,
  evaluatedAt: Date,
): ScorecardResult {
  const checks: CheckResult[] = scorecard.checks.map(check => {
    const { outcome, evidence, reasons } = evaluateCondition(
      check.condition,
      facts,
    );
    const status: CheckStatus = STATUS_OF[`${outcome}`];
    return {
      id: check.id,
      title: check.title,
      category: check.category,
      level: check.level,
      weight: check.weight,
      status,
      ...(reasons.length > 0 && { reason: reasons.join('; ') }),
      evidence,
      remediation: check.remediation,
    };
  });

  const reachedIndex = scorecard.levels.findIndex(level =>
    checks.some(c => c.level === level.id && !CLEARS_LEVEL.has(c.status)),
  );
  const reachedCount =
    reachedIndex === -1 ? scorecard.levels.length : reachedIndex;

  return {
    scorecard: {
      id: scorecard.id,
      title: scorecard.title,
      description: scorecard.description,
      levels: scorecard.levels,
    },
    entityRef: stringifyEntityRef(entity),
    score: weightedScore(checks) ?? 100,
    level: reachedCount > 0 ? scorecard.levels[reachedCount - 1].id : null,
    nextLevel: scorecard.levels[reachedCount]?.id ?? null,
    categories: scorecard.categories.map(category => ({
      id: category.id,
      title: category.title,
      score: weightedScore(checks.filter(c => c.category === category.id)),
    })),
    counts: countStatuses(checks),
    checks,
    evaluatedAt: evaluatedAt.toISOString(),
  };
}
