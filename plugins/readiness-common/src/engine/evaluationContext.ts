import { CheckStatus, Evidence, FactSet } from '../types';

/** Three-valued: a condition over missing facts is neither true nor false. */
export type ConditionOutcome = true | false | 'unknown';

/** What a compiled condition returns; evidence goes to the context. */
export interface ConditionVerdict {
  outcome: ConditionOutcome;
  /** Why the outcome is not `true`. Shared between evaluations: never mutate. */
  reasons: readonly string[];
}

/** How another check of the scorecard turned out, for check references. */
export interface CheckOutcome {
  status: CheckStatus;
  reasons: readonly string[];
}

/** What one evaluation of a condition reads and writes. */
export interface EvaluationContext {
  facts: FactSet;
  /** The evaluation time, in milliseconds since the epoch. */
  now: number;
  /** Outcomes of the scorecard's checks, by index; referenced ones first. */
  checks: ReadonlyArray<CheckOutcome | undefined>;
  /** Receives the evidence of the condition, in condition order. */
  evidence: Evidence[];
}

/** A condition resolved once into a closure, so evaluation does not parse. */
export type CompiledCondition = (
  context: EvaluationContext,
) => ConditionVerdict;

export const NO_REASONS: readonly string[] = Object.freeze([]);

export const HOLDS: ConditionVerdict = Object.freeze({
  outcome: true,
  reasons: NO_REASONS,
});
