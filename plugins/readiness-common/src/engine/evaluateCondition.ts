import { Condition, Evidence, FactSet, FactValue } from '../types';

/** Three-valued: a condition over missing facts is neither true nor false. */
export type ConditionOutcome = true | false | 'unknown';

export interface ConditionEvaluation {
  outcome: ConditionOutcome;
  evidence: Evidence[];
  /** Why the outcome is not `true`. */
  reasons: string[];
}

type Leaf = Extract<Condition, { fact: string }>;

function isPresent(value: FactValue | undefined): boolean {
  if (value === null || value === undefined || value === '') {
    return false;
  }
  return !Array.isArray(value) || value.length > 0;
}

function describe(leaf: Leaf): string {
  return leaf.key === undefined ? leaf.fact : `${leaf.fact}[${leaf.key}]`;
}

function testLeaf(leaf: Leaf, value: FactValue | undefined): string | true {
  const name = describe(leaf);
  if (leaf.exists !== undefined) {
    if (isPresent(value) === leaf.exists) {
      return true;
    }
    return leaf.exists ? `${name} is not set` : `${name} is set`;
  }
  if (leaf.equals !== undefined) {
    return value === leaf.equals
      ? true
      : `${name} is ${JSON.stringify(value ?? null)}, expected ${JSON.stringify(
          leaf.equals,
        )}`;
  }
  if (leaf.in !== undefined) {
    return leaf.in.some(candidate => candidate === value)
      ? true
      : `${name} is ${JSON.stringify(value ?? null)}, expected one of ${leaf.in
          .map(v => JSON.stringify(v))
          .join(', ')}`;
  }
  if (leaf.contains !== undefined) {
    const found =
      (Array.isArray(value) || typeof value === 'string') &&
      value.includes(leaf.contains);
    return found ? true : `${name} does not contain "${leaf.contains}"`;
  }
  throw new Error(`Condition on ${name} has no operator`);
}

function evaluateLeaf(leaf: Leaf, facts: FactSet): ConditionEvaluation {
  const fact = facts[leaf.fact];
  if (!fact) {
    return {
      outcome: 'unknown',
      evidence: [],
      reasons: [`fact ${leaf.fact} was not collected`],
    };
  }
  if (!('value' in fact)) {
    return {
      outcome: 'unknown',
      evidence: [],
      reasons: [`fact ${leaf.fact} is unavailable: ${fact.reason}`],
    };
  }
  const value =
    leaf.key === undefined
      ? fact.value
      : (fact.value as Record<string, string> | null)?.[leaf.key];
  const result = testLeaf(leaf, value);
  return {
    outcome: result === true,
    evidence: [
      {
        fact: leaf.fact,
        ...(leaf.key !== undefined && { key: leaf.key }),
        value: value ?? null,
        source: fact.source,
        observedAt: fact.observedAt,
      },
    ],
    reasons: result === true ? [] : [result],
  };
}

function combine(
  parts: ConditionEvaluation[],
  decisive: boolean,
): ConditionEvaluation {
  const evidence = parts.flatMap(p => p.evidence);
  if (parts.some(p => p.outcome === decisive)) {
    return {
      outcome: decisive,
      evidence,
      reasons: decisive
        ? []
        : parts.filter(p => p.outcome === false).flatMap(p => p.reasons),
    };
  }
  if (parts.some(p => p.outcome === 'unknown')) {
    return {
      outcome: 'unknown',
      evidence,
      reasons: parts
        .filter(p => p.outcome === 'unknown')
        .flatMap(p => p.reasons),
    };
  }
  return {
    outcome: !decisive,
    evidence,
    reasons: decisive ? parts.flatMap(p => p.reasons) : [],
  };
}

/**
 * Evaluates a condition with Kleene logic: `unknown` only decides the outcome
 * when no known part already does.
 */
export function evaluateCondition(
  condition: Condition,
  facts: FactSet,
): ConditionEvaluation {
  if ('all' in condition) {
    return combine(
      condition.all.map(c => evaluateCondition(c, facts)),
      false,
    );
  }
  if ('any' in condition) {
    return combine(
      condition.any.map(c => evaluateCondition(c, facts)),
      true,
    );
  }
  if ('not' in condition) {
    const inner = evaluateCondition(condition.not, facts);
    if (inner.outcome === 'unknown') {
      return inner;
    }
    return {
      outcome: !inner.outcome,
      evidence: inner.evidence,
      reasons: inner.outcome ? ['the negated condition holds'] : [],
    };
  }
  if ('check' in condition) {
    throw new Error(
      `Check references are not supported yet: ${condition.check}`,
    );
  }
  return evaluateLeaf(condition, facts);
}
