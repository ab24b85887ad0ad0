import {
  CheckResult,
  ScorecardDefinition,
  ScorecardResult,
} from '@readiness/plugin-readiness-common';

/** A check's outcome without what its definition already says. */
export type StoredCheckResult = Pick<
  CheckResult,
  'id' | 'status' | 'reason' | 'evidence' | 'basis' | 'waiver' | 'advisory'
>;

/**
 * A result as stored: the outcome only. Titles, descriptions, levels,
 * weights and remediation come from the scorecard definition on read, so
 * that every row does not repeat them (they were three quarters of a row).
 */
export interface StoredResult
  extends Omit<ScorecardResult, 'scorecard' | 'categories' | 'checks'> {
  scorecard: { id: string };
  categories: Array<{ id: string; score: number | null }>;
  checks: StoredCheckResult[];
}

export function toStoredResult(result: ScorecardResult): StoredResult {
  return {
    ...result,
    scorecard: { id: result.scorecard.id },
    categories: result.categories.map(({ id, score }) => ({ id, score })),
    checks: result.checks.map(
      ({ id, status, reason, evidence, basis, waiver, advisory }) => ({
        id,
        status,
        ...(reason !== undefined && { reason }),
        evidence,
        ...(basis !== undefined && { basis }),
        ...(waiver !== undefined && { waiver }),
        // Stored, not derived on read: whether it counted depends on the day.
        ...(advisory !== undefined && { advisory }),
      }),
    ),
  };
}

/**
 * A stored result as the JSON kept in its row: without the time of the
 * evaluation (kept per entity) or observation times equal to it, so that
 * evaluating an unchanged entity again gives the same text and its row
 * need not be written.
 */
export function storedResultJson(result: StoredResult): string {
  const { evaluatedAt, ...outcome } = result;
  return JSON.stringify({
    ...outcome,
    checks: outcome.checks.map(check => ({
      ...check,
      evidence: check.evidence.map(({ observedAt, ...evidence }) =>
        observedAt === evaluatedAt ? evidence : { ...evidence, observedAt },
      ),
    })),
  });
}

/** A result from its row's JSON and the time its entity was evaluated. */
export function parseStoredResult(
  json: string,
  evaluatedAt: string,
): StoredResult {
  const outcome = JSON.parse(json) as StoredResult;
  for (const check of outcome.checks) {
    for (const evidence of check.evidence) {
      evidence.observedAt ??= evaluatedAt;
    }
  }
  return { ...outcome, evaluatedAt };
}

/**
 * The full result again, with the definition it was computed from. Only
 * for a stored result of this very definition (the same version): checks
 * and categories are matched by id.
 */
export function fromStoredResult(
  stored: StoredResult,
  definition: ScorecardDefinition,
): ScorecardResult {
  const checks = new Map(definition.checks.map(c => [c.id, c]));
  const categories = new Map(definition.categories.map(c => [c.id, c]));
  return {
    ...stored,
    scorecard: {
      id: definition.id,
      title: definition.title,
      description: definition.description,
      levels: definition.levels,
    },
    categories: stored.categories.map(({ id, score }) => ({
      id,
      title: categories.get(id)?.title ?? id,
      score,
    })),
    checks: stored.checks.map(outcome => {
      const check = checks.get(outcome.id);
      const result: CheckResult = {
        id: outcome.id,
        title: check?.title ?? outcome.id,
        category: check?.category ?? '',
        level: check?.level ?? '',
        weight: check?.weight ?? 0,
        status: outcome.status,
        evidence: outcome.evidence,
        remediation: check?.remediation ?? { text: '' },
      };
      if (check?.description !== undefined) {
        result.description = check.description;
      }
      if (outcome.reason !== undefined) {
        result.reason = outcome.reason;
      }
      if (outcome.basis !== undefined) {
        result.basis = outcome.basis;
      }
      if (outcome.waiver !== undefined) {
        result.waiver = outcome.waiver;
      }
      if (outcome.advisory !== undefined) {
        result.advisory = outcome.advisory;
      }
      if (check?.severity !== undefined) {
        result.severity = check.severity;
      }
      return result;
    }),
  };
}
