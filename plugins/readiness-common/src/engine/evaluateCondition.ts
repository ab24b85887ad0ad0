import { Condition, Evidence, FactSet } from '../types';
import { compileLeaf } from './compileLeaf';
import {
  CheckOutcome,
  CompiledCondition,
  ConditionOutcome,
  ConditionVerdict,
  HOLDS,
  NO_REASONS,
} from './evaluationContext';

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
    for (const part of parts) {
      const { outcome, reasons } = part(context);
      if (outcome === false) {
        failed = collect(failed, reasons);
      } else if (outcome === 'unknown') {
        unknown = collect(unknown, reasons);
      }
    }
    if (failed !== undefined) {
      return { outcome: false, reasons: failed };
    }
    return unknown === undefined
      ? HOLDS
      : { outcome: 'unknown', reasons: unknown };
  };
}

function compileAny(parts: CompiledCondition[]): CompiledCondition {
  return context => {
    let held = false;
    let failed: string[] | undefined;
    let unknown: string[] | undefined;
    for (const part of parts) {
      const { outcome, reasons } = part(context);
      if (outcome === true) {
        held = true;
      } else if (outcome === 'unknown') {
        unknown = collect(unknown, reasons);
      } else {
        failed = collect(failed, reasons);
      }
    }
    if (held) {
      return HOLDS;
    }
    return unknown === undefined
      ? { outcome: false, reasons: failed ?? NO_REASONS }
      : { outcome: 'unknown', reasons: unknown };
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
    return verdict.outcome ? NEGATION_HOLDS : HOLDS;
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
        };
      case 'unknown':
        return {
          outcome: 'unknown',
          reasons: referenceReasons(id, check, 'is unknown'),
        };
      default:
        return HOLDS; // pass, waived or not applicable
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
