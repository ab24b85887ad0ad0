import { isRecord } from '../isRecord';
import { Fact, FactCondition, FactValue } from '../types';
import { formatDuration, parseDuration } from './duration';
import {
  CompiledCondition,
  ConditionVerdict,
  EvaluationContext,
  HOLDS_DECLARED,
  HOLDS_VERIFIED,
} from './evaluationContext';
import { CATALOG_SOURCE } from '../facts/catalogFacts';
import { compileOperator, show } from './leafOperators';
import { truncate } from './resultLimits';
import { MatchLimitError } from './matchBudget';

/** Why a fact observed at `observedAt` is too old at `now`, if it is. */
type FreshnessTest = (observedAt: string, now: number) => string | undefined;

function compileMaxAge(leaf: FactCondition, name: string): FreshnessTest {
  const maxAge = leaf.maxAge!;
  const limit = parseDuration(maxAge);
  if (limit === undefined) {
    throw new Error(`Condition on ${name} has an invalid maxAge "${maxAge}"`);
  }
  return (observedAt, now) => {
    const age = now - Date.parse(observedAt);
    if (Number.isNaN(age)) {
      return `fact ${leaf.fact} has an invalid observation time "${observedAt}"`;
    }
    return age > limit
      ? `fact ${leaf.fact} is stale: observed ${formatDuration(
          age,
        )} ago, max age ${maxAge}`
      : undefined;
  };
}

function unknown(reason: string): ConditionVerdict {
  return { outcome: 'unknown', reasons: [truncate(reason)] };
}

/** Returned by a keyed lookup into a value that is not a map. */
const NOT_A_MAP = Symbol('not a map');

function valueAtKey(
  value: FactValue,
  key: string,
): FactValue | undefined | typeof NOT_A_MAP {
  if (value === null) {
    return undefined;
  }
  if (!isRecord(value)) {
    return NOT_A_MAP;
  }
  // Map values are strings; anything else comes from the prototype (a key
  // such as "constructor"), which is not a value of the fact.
  const found: unknown = value[key];
  return typeof found === 'string' ? found : undefined;
}

function lookup(
  context: EvaluationContext,
  fact: Fact,
  factName: string,
  key: string | undefined,
  recordsEvidence: boolean,
) {
  const { evidence } = context;
  if (key === undefined) {
    if (recordsEvidence) {
      evidence.push({
        fact: factName,
        value: fact.value,
        source: fact.source,
        observedAt: fact.observedAt,
      });
    }
    return fact.value;
  }
  const value = valueAtKey(fact.value, key);
  if (recordsEvidence) {
    evidence.push({
      fact: factName,
      key,
      value: value === undefined || value === NOT_A_MAP ? null : value,
      source: fact.source,
      observedAt: fact.observedAt,
    });
  }
  return value;
}

/**
 * A leaf: a fact that was not collected or is unavailable makes it unknown,
 * and so does a fact older than `maxAge`; otherwise its operator decides. The
 * fact it read becomes evidence if `recordsEvidence`: the compiler leaves
 * that to the first leaf of a check reading each fact (and key).
 */
export function compileLeaf(
  leaf: FactCondition,
  recordsEvidence: boolean,
): CompiledCondition {
  const { fact: factName, key } = leaf;
  const name = key === undefined ? factName : `${factName}[${key}]`;
  const test = compileOperator(leaf, name);
  const fresh =
    leaf.maxAge === undefined ? undefined : compileMaxAge(leaf, name);
  const notCollected = unknown(`fact ${factName} was not collected`);

  return context => {
    const fact = context.facts[factName];
    if (fact === undefined) {
      return notCollected;
    }
    if (!('value' in fact)) {
      return unknown(`fact ${factName} is unavailable: ${fact.reason}`);
    }
    const value = lookup(context, fact, factName, key, recordsEvidence);
    const stale = fresh?.(fact.observedAt, context.now);
    if (stale !== undefined) {
      return unknown(stale);
    }
    let problem: string | undefined;
    try {
      problem =
        value === NOT_A_MAP
          ? `${factName} is ${show(fact.value)}, not a map`
          : test(value);
    } catch (error) {
      // Text too long, or too costly, to match a pattern against: no
      // evidence either way.
      if (error instanceof MatchLimitError) {
        return unknown(`${name}: ${error.message}`);
      }
      throw error;
    }
    const declared = fact.source === CATALOG_SOURCE;
    if (problem === undefined) {
      return declared ? HOLDS_DECLARED : HOLDS_VERIFIED;
    }
    return {
      outcome: false,
      reasons: [truncate(problem)],
      basis: declared ? 'declared' : 'verified',
    };
  };
}
