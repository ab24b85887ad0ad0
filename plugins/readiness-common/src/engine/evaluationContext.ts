import type { AppliedAttestation } from '../ownerInput';
import { CheckStatus, FactSet } from '../types';
import { Evidence, EvidenceBasis } from '../results';

/** Three-valued: a condition over missing facts is neither true nor false. */
export type ConditionOutcome = true | false | 'unknown';

/** What a compiled condition returns; evidence goes to the context. */
export interface ConditionVerdict {
  outcome: ConditionOutcome;
  /**
   * Why the outcome is not `true`: distinct, at most
   * `RESULT_LIMITS.reasonsPerCheck`. Shared between evaluations: never
   * mutate.
   */
  reasons: readonly string[];
  /** How many more reasons there were. */
  omitted?: number;
  /** What a known outcome rests on; none when unknown or fact-free. */
  basis?: EvidenceBasis;
}

/**
 * How another check of the scorecard turned out, for check references: its
 * status, not its reasons, which the referenced check's result shows.
 */
export interface CheckOutcome {
  status: CheckStatus;
  basis?: EvidenceBasis;
}

// How much a basis proves: the catalog's word, the owners' attestation, a
// collector's observation.
const STRENGTH: Record<EvidenceBasis, number> = {
  declared: 0,
  attested: 1,
  verified: 2,
};

/** The stronger of two bases (declared < attested < verified). */
export function strongerBasis(
  a: EvidenceBasis | undefined,
  b: EvidenceBasis | undefined,
): EvidenceBasis | undefined {
  if (a === undefined || b === undefined) {
    return a ?? b;
  }
  return STRENGTH[a] >= STRENGTH[b] ? a : b;
}

/** The weaker of two bases (declared < attested < verified). */
export function weakerBasis(
  a: EvidenceBasis | undefined,
  b: EvidenceBasis | undefined,
): EvidenceBasis | undefined {
  if (a === undefined || b === undefined) {
    return a ?? b;
  }
  return STRENGTH[a] <= STRENGTH[b] ? a : b;
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
  /** The newest active attestation of each id, for the entity. */
  attestations: ReadonlyMap<string, AppliedAttestation>;
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

/** Holds on what the catalog declares. */
export const HOLDS_DECLARED: ConditionVerdict = Object.freeze({
  outcome: true,
  reasons: NO_REASONS,
  basis: 'declared',
});

/** Holds on what a collector observed. */
export const HOLDS_VERIFIED: ConditionVerdict = Object.freeze({
  outcome: true,
  reasons: NO_REASONS,
  basis: 'verified',
});

/** Holds on what the owners attested. */
export const HOLDS_ATTESTED: ConditionVerdict = Object.freeze({
  outcome: true,
  reasons: NO_REASONS,
  basis: 'attested',
});
