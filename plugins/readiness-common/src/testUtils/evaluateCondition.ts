import { newestAttestations } from '../engine/compileAttestation';
import { compileCondition } from '../engine/compileCondition';
import { CheckOutcome, ConditionOutcome } from '../engine/evaluationContext';
import { resultReasons } from '../engine/resultLimits';
import type { AppliedAttestation } from '../ownerInput';
import { Condition, FactSet } from '../types';
import { Evidence } from '../results';

/** What {@link evaluateCondition} found. */
export interface ConditionEvaluation {
  outcome: ConditionOutcome;
  evidence: Evidence[];
  /** Why the outcome is not `true`, bounded as a check result's are. */
  reasons: string[];
}

/**
 * Evaluates one condition at `now`, with the outcomes of the checks it may
 * refer to and the owners' attestations, for tests of conditions: scorecards are evaluated through their
 * compiled form instead.
 */
export function evaluateCondition(
  condition: Condition,
  facts: FactSet,
  now: Date,
  checks: Record<string, CheckOutcome> = {},
  attestations: AppliedAttestation[] = [],
): ConditionEvaluation {
  const ids = Object.keys(checks);
  const compiled = compileCondition(condition, id => {
    if (!Object.hasOwn(checks, id)) {
      throw new Error(`Condition refers to unknown check ${id}`);
    }
    return ids.indexOf(id);
  });
  const context = {
    facts,
    now: now.getTime(),
    checks: ids.map(id => checks[id]),
    evidence: [],
    attestations: newestAttestations(attestations),
  };
  const { outcome, reasons, omitted } = compiled(context);
  return {
    outcome,
    evidence: context.evidence,
    reasons: [...resultReasons(reasons, omitted)],
  };
}
