import { Condition, Evidence, EvidenceBasis, FactSet } from '../types';
import { compileLeaf } from './compileLeaf';
import {
  CheckOutcome,
  CompiledCondition,
  ConditionOutcome,
  ConditionVerdict,
  HOLDS,
  HOLDS_DECLARED,
  HOLDS_VERIFIED,
  NO_REASONS,
  strongerBasis,
  weakerBasis,
} from './evaluationContext';

/** The shared verdict that holds on this basis. */
function holds(basis: EvidenceBasis | undefined): ConditionVerdict {
  if (basis === 'verified') {
    return HOLDS_VERIFIED;
  }
  return basis === 'declared' ? HOLDS_DECLARED : HOLDS;
}

export interface ConditionEvaluation {
  outcome: ConditionOutcome;
  evidence: Evidence[];
  /** Why the outcome is not `true`. */
  reasons: string[];
}

/** Adds reasons to a list this evaluation owns; verdicts' lists are shared. */
function collect(
  list: string[] | undefined,
  reasons: readonly string[],
): string[] {
  const into = list ?? [];
  for (const reason of reasons) {
    into.push(reason);
  }
  return into;
}

// Every part is evaluated, even after the outcome is known, so that the
// evidence shows every fact the condition looked at.

function compileAll(parts: CompiledCondition[]): CompiledCondition {
  return context => {
    let failed: string[] | undefined;
    let unknown: string[] | undefined;
    // Holding rests on the weakest part; failing on the strongest failure.
    let held: EvidenceBasis | undefined;
    let failedOn: EvidenceBasis | undefined;
    for (const part of parts) {
      const { outcome, reasons, basis } = part(context);
      if (outcome === false) {
        failed = collect(failed, reasons);
        failedOn = strongerBasis(failedOn, basis);
      } else if (outcome === 'unknown') {
        unknown = collect(unknown, reasons);
      } else {
        held = weakerBasis(held, basis);
      }
    }
    if (failed !== undefined) {
      return { outcome: false, reasons: failed, basis: failedOn };
    }
    if (unknown !== undefined) {
      return { outcome: 'unknown', reasons: unknown };
    }
    return holds(held);
  };
}

function compileAny(parts: CompiledCondition[]): CompiledCondition {
  return context => {
    let held = false;
    let heldOn: EvidenceBasis | undefined;
    let failedOn: EvidenceBasis | undefined;
    let failed: string[] | undefined;
    let unknown: string[] | undefined;
    // Holding rests on the strongest part that holds; failing on the weakest.
    for (const part of parts) {
      const { outcome, reasons, basis } = part(context);
      if (outcome === true) {
        held = true;
        heldOn = strongerBasis(heldOn, basis);
      } else if (outcome === 'unknown') {
        unknown = collect(unknown, reasons);
      } else {
        failed = collect(failed, reasons);
        failedOn = weakerBasis(failedOn, basis);
      }
    }
    if (held) {
      return holds(heldOn);
    }
    return unknown === undefined
      ? { outcome: false, reasons: failed ?? NO_REASONS, basis: failedOn }
      : { outcome: 'unknown', reasons: unknown };
  };
}

/**
 * The first part that is not unknown decides; when every part is unknown, so
 * is the whole, with every part's reason.
 */
function compileFirstKnown(parts: CompiledCondition[]): CompiledCondition {
  return context => {
    let decided: ConditionVerdict | undefined;
    let unknown: string[] | undefined;
    for (const part of parts) {
      const verdict = part(context);
      if (decided === undefined) {
        if (verdict.outcome === 'unknown') {
          unknown = collect(unknown, verdict.reasons);
        } else {
          decided = verdict;
        }
      }
    }
    return decided ?? { outcome: 'unknown', reasons: unknown ?? NO_REASONS };
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

function referenceReasons(
  id: string,
  check: CheckOutcome,
  fallback: string,
): string[] {
  return check.reasons.length === 0
    ? [`check ${id} ${fallback}`]
    : check.reasons.map(reason => `check ${id}: ${reason}`);
}

function compileReference(id: string, index: number): CompiledCondition {
  return context => {
    const check = context.checks[index]!;
    switch (check.status) {
      case 'fail':
        return {
          outcome: false,
          reasons: referenceReasons(id, check, 'fails'),
          basis: check.basis,
        };
      case 'unknown':
        return {
          outcome: 'unknown',
          reasons: referenceReasons(id, check, 'is unknown'),
        };
      default:
        return holds(check.basis); // pass, waived or not applicable
    }
  };
}

/**
 * Compiles a condition into a closure evaluated with Kleene logic: `unknown`
 * decides `all` or `any` only when no known part already does. A check
 * reference reads the outcome of the check at `checkIndex(id)` from the
 * context, which must have been evaluated before.
 */
export function compileCondition(
  condition: Condition,
  checkIndex: (id: string) => number,
): CompiledCondition {
  const compile = (c: Condition) => compileCondition(c, checkIndex);
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
  return compileLeaf(condition);
}

/**
 * Evaluates one condition at `now`, with the outcomes of the checks it may
 * refer to. Scorecards are evaluated through their compiled form instead.
 */
export function evaluateCondition(
  condition: Condition,
  facts: FactSet,
  now: Date,
  checks: Record<string, CheckOutcome> = {},
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
  };
  const { outcome, reasons } = compiled(context);
  return { outcome, evidence: context.evidence, reasons: [...reasons] };
}
