import { Condition } from '../types';
import { EvidenceBasis } from '../results';
import { attestationFact, compileAttestation } from './compileAttestation';
import { compileLeaf } from './compileLeaf';
import {
  CompiledCondition,
  ConditionVerdict,
  HOLDS,
  HOLDS_ATTESTED,
  HOLDS_DECLARED,
  HOLDS_VERIFIED,
  NO_REASONS,
  strongerBasis,
  weakerBasis,
} from './evaluationContext';
import { ReasonGatherer, RESULT_LIMITS, truncate } from './resultLimits';

/** The shared verdict that holds on this basis. */
function holds(basis: EvidenceBasis | undefined): ConditionVerdict {
  switch (basis) {
    case 'verified':
      return HOLDS_VERIFIED;
    case 'attested':
      return HOLDS_ATTESTED;
    case 'declared':
      return HOLDS_DECLARED;
    default:
      return HOLDS;
  }
}

// Every part is evaluated, even after the outcome is known, so that the
// evidence shows every fact the condition looked at. Reasons are gathered
// distinct and capped (`ReasonGatherer`), so that their number stays bounded
// however conditions and check references nest.

function compileAll(parts: CompiledCondition[]): CompiledCondition {
  return context => {
    let failed: ReasonGatherer | undefined;
    let unknown: ReasonGatherer | undefined;
    // Holding rests on the weakest part; failing on the strongest failure.
    let held: EvidenceBasis | undefined;
    let failedOn: EvidenceBasis | undefined;
    for (const part of parts) {
      const { outcome, reasons, omitted, basis } = part(context);
      if (outcome === false) {
        (failed ??= new ReasonGatherer()).add(reasons, omitted);
        failedOn = strongerBasis(failedOn, basis);
      } else if (outcome === 'unknown') {
        (unknown ??= new ReasonGatherer()).add(reasons, omitted);
      } else {
        held = weakerBasis(held, basis);
      }
    }
    if (failed !== undefined) {
      return {
        outcome: false,
        reasons: failed.reasons!,
        omitted: failed.omitted,
        basis: failedOn,
      };
    }
    if (unknown !== undefined) {
      return {
        outcome: 'unknown',
        reasons: unknown.reasons!,
        omitted: unknown.omitted,
      };
    }
    return holds(held);
  };
}

function compileAny(parts: CompiledCondition[]): CompiledCondition {
  return context => {
    let held = false;
    let heldOn: EvidenceBasis | undefined;
    let failedOn: EvidenceBasis | undefined;
    let failed: ReasonGatherer | undefined;
    let unknown: ReasonGatherer | undefined;
    // Holding rests on the strongest part that holds; failing on the weakest.
    for (const part of parts) {
      const { outcome, reasons, omitted, basis } = part(context);
      if (outcome === true) {
        held = true;
        heldOn = strongerBasis(heldOn, basis);
      } else if (outcome === 'unknown') {
        (unknown ??= new ReasonGatherer()).add(reasons, omitted);
      } else {
        (failed ??= new ReasonGatherer()).add(reasons, omitted);
        failedOn = weakerBasis(failedOn, basis);
      }
    }
    if (held) {
      return holds(heldOn);
    }
    if (unknown !== undefined) {
      return {
        outcome: 'unknown',
        reasons: unknown.reasons!,
        omitted: unknown.omitted,
      };
    }
    return {
      outcome: false,
      reasons: failed?.reasons ?? NO_REASONS,
      omitted: failed?.omitted ?? 0,
      basis: failedOn,
    };
  };
}

/**
 * The first part that is not unknown decides; when every part is unknown, so
 * is the whole, with every part's reason.
 */
function compileFirstKnown(parts: CompiledCondition[]): CompiledCondition {
  return context => {
    let decided: ConditionVerdict | undefined;
    let unknown: ReasonGatherer | undefined;
    for (const part of parts) {
      const verdict = part(context);
      if (decided === undefined) {
        if (verdict.outcome === 'unknown') {
          (unknown ??= new ReasonGatherer()).add(
            verdict.reasons,
            verdict.omitted,
          );
        } else {
          decided = verdict;
        }
      }
    }
    return (
      decided ?? {
        outcome: 'unknown',
        reasons: unknown?.reasons ?? NO_REASONS,
        omitted: unknown?.omitted ?? 0,
      }
    );
  };
}

const NEGATION_HOLDS: ConditionVerdict = Object.freeze({
  outcome: false,
  reasons: Object.freeze(['the negated condition holds']),
});

function compileNot(inner: CompiledCondition): CompiledCondition {
  return context => {
    const verdict = inner(context);
    if (verdict.outcome === 'unknown') {
      return verdict;
    }
    return verdict.outcome
      ? { ...NEGATION_HOLDS, basis: verdict.basis }
      : holds(verdict.basis);
  };
}

/**
 * A reference says whether the referenced check failed or is unknown, not
 * why: its own result says that, and copying reasons along chains of
 * references would multiply them with every link.
 */
function compileReference(id: string, index: number): CompiledCondition {
  // Shared, never changed; not frozen, as frozen arrays slow the loops
  // that gather reasons.
  const fails = [truncate(`check ${id} fails`)];
  const isUnknown = [truncate(`check ${id} is unknown`)];
  return context => {
    const check = context.checks[index]!;
    switch (check.status) {
      case 'fail':
        return { outcome: false, reasons: fails, basis: check.basis };
      case 'unknown':
        return { outcome: 'unknown', reasons: isUnknown };
      default:
        return holds(check.basis); // pass, waived or not applicable
    }
  };
}

/**
 * Compiles one node. `evidenceOf` holds the facts (and keys) and
 * attestations whose evidence an earlier leaf of the check records: every
 * part of a condition is evaluated, in order, and a leaf records evidence
 * exactly when its fact (or attestation) is there, so a later leaf over the
 * same one would only repeat it.
 */
function compileNode(
  condition: Condition,
  checkIndex: (id: string) => number,
  evidenceOf: Set<string>,
): CompiledCondition {
  const compile = (c: Condition) => compileNode(c, checkIndex, evidenceOf);
  if ('all' in condition) {
    return compileAll(condition.all.map(compile));
  }
  if ('any' in condition) {
    return compileAny(condition.any.map(compile));
  }
  if ('firstKnown' in condition) {
    return compileFirstKnown(condition.firstKnown.map(compile));
  }
  if ('not' in condition) {
    return compileNot(compile(condition.not));
  }
  if ('check' in condition) {
    return compileReference(condition.check, checkIndex(condition.check));
  }
  if ('attestation' in condition) {
    const read = attestationFact(condition.attestation);
    return compileAttestation(condition, recordsEvidence(evidenceOf, read));
  }
  const read = `${condition.fact}\u0000${condition.key ?? ''}`;
  return compileLeaf(condition, recordsEvidence(evidenceOf, read));
}

/** Whether the leaf reading `read` is the one to record its evidence. */
function recordsEvidence(evidenceOf: Set<string>, read: string): boolean {
  const records =
    !evidenceOf.has(read) && evidenceOf.size < RESULT_LIMITS.evidencePerCheck;
  if (records) {
    evidenceOf.add(read);
  }
  return records;
}

/**
 * Compiles a condition into a closure evaluated with Kleene logic: `unknown`
 * decides `all` or `any` only when no known part already does. A check
 * reference reads the outcome of the check at `checkIndex(id)` from the
 * context, which must have been evaluated before. Its evidence holds one
 * item per fact (and key) read, at most `RESULT_LIMITS.evidencePerCheck`,
 * decided here so that evaluation pays nothing for it.
 */
export function compileCondition(
  condition: Condition,
  checkIndex: (id: string) => number,
): CompiledCondition {
  return compileNode(condition, checkIndex, new Set());
}
