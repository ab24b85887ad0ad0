import { isScalar, Node } from 'yaml';
import { parseDuration } from '../engine/duration';
import { FACT_OPERATORS, FactOperator } from '../engine/factOperators';
import { checkSafeRegex } from '../engine/safeRegex';
import { FactCondition, FactDefinition, FactType, Scalar } from '../types';
import { closestMatch, orList } from './didYouMean';
import { childPath, describeNode, Mapping } from './mapping';
import { Context } from './context';

export const FACT_CONDITION_KEYS: readonly string[] = [
  'fact',
  'key',
  'maxAge',
  ...FACT_OPERATORS,
];

type ScalarType = 'string' | 'number' | 'boolean';
const SCALAR_TYPES: readonly FactType[] = ['string', 'number', 'boolean'];
const TEXT_TYPES: readonly FactType[] = ['string', 'string-list'];

/** The fact types each operator can test; `exists` tests any. */
const OPERATOR_FACT_TYPES: Record<
  FactOperator,
  readonly FactType[] | undefined
> = {
  exists: undefined,
  equals: SCALAR_TYPES,
  notEquals: SCALAR_TYPES,
  in: SCALAR_TYPES,
  contains: TEXT_TYPES,
  prefix: TEXT_TYPES,
  matches: TEXT_TYPES,
  lt: ['number'],
  lte: ['number'],
  gt: ['number'],
  gte: ['number'],
};

/** What the operand of each operator must be (`scalar`: of the fact's type). */
const OPERAND: Record<
  FactOperator,
  'boolean' | 'scalar' | 'scalars' | 'string' | 'number'
> = {
  exists: 'boolean',
  equals: 'scalar',
  notEquals: 'scalar',
  in: 'scalars',
  contains: 'string',
  prefix: 'string',
  matches: 'string',
  lt: 'number',
  lte: 'number',
  gt: 'number',
  gte: 'number',
};

/** The scalar value of `node` when it is of `type` (any scalar type if none). */
function scalarOf(
  node: Node,
  type: ScalarType | undefined,
): Scalar | undefined {
  if (!isScalar(node)) {
    return undefined;
  }
  const value = node.value;
  const ok =
    type === undefined
      ? ['string', 'number', 'boolean'].includes(typeof value)
      : typeof value === type;
  return ok ? (value as Scalar) : undefined;
}

function operandType(type: FactType | undefined): ScalarType | undefined {
  return SCALAR_TYPES.includes(type as FactType)
    ? (type as ScalarType)
    : undefined;
}

/**
 * Reads the operand of `operator` for a fact of `type` (undefined when the
 * fact is unknown: then only the operand's shape is checked).
 */
function validateOperand(
  ctx: Context,
  mapping: Mapping,
  operator: FactOperator,
  type: FactType | undefined,
): FactCondition[FactOperator] | undefined {
  const node = mapping.value(operator)!;
  const scalarType = operandType(type);
  const scalar = scalarType ? `a ${scalarType}` : 'a string, number or boolean';
  const fail = (expected: string) => {
    mapping.report(operator, `must be ${expected}, got ${describeNode(node)}`);
    return undefined;
  };
  switch (OPERAND[operator]) {
    case 'boolean':
      return isScalar(node) && typeof node.value === 'boolean'
        ? node.value
        : fail('true or false');
    case 'number':
      return isScalar(node) &&
        typeof node.value === 'number' &&
        Number.isFinite(node.value)
        ? node.value
        : fail('a number');
    case 'string':
      return isScalar(node) && typeof node.value === 'string'
        ? node.value
        : fail('a string');
    case 'scalar':
      return scalarOf(node, scalarType) ?? fail(scalar);
    default: {
      const items = mapping.list(operator, true);
      if (items?.length === 0) {
        mapping.report(operator, `"${operator}" needs at least one value`);
      }
      const values = (items ?? []).map((item, index) => {
        const value = scalarOf(item, scalarType);
        if (value === undefined) {
          ctx.report(
            item,
            childPath(mapping.pathOf(operator), index),
            `must be ${scalar}, got ${describeNode(item)}`,
          );
        }
        return value;
      });
      return items?.length && values.every(v => v !== undefined)
        ? (values as Scalar[])
        : undefined;
    }
  }
}

/** Why `operator` cannot test a fact of `type`, or undefined if it can. */
function incompatibility(
  operator: FactOperator,
  fact: string,
  type: FactType,
): string | undefined {
  const types = OPERATOR_FACT_TYPES[operator];
  if (types === undefined || types.includes(type)) {
    return undefined;
  }
  if (type === 'string-map') {
    return `"${operator}" needs a "key" to test one entry of the string-map fact ${fact}`;
  }
  const hint = type === 'string-list' ? ' (use "contains" for a list)' : '';
  return `"${operator}" needs a ${orList(
    types,
  )} fact, but ${fact} is a ${type}${hint}`;
}

/**
 * Validates a leaf `{ fact, key?, maxAge?, <operator> }` against the facts
 * that collectors provide and their types.
 */
export function validateFactCondition(
  ctx: Context,
  mapping: Mapping,
  facts: ReadonlyMap<string, FactDefinition>,
): FactCondition | undefined {
  mapping.allowOnly(FACT_CONDITION_KEYS);
  const name = mapping.string('fact', true);
  const definition = name === undefined ? undefined : facts.get(name);
  if (name !== undefined && !definition) {
    const match = closestMatch(name, facts.keys());
    mapping.report(
      'fact',
      match === undefined
        ? `unknown fact "${name}"; is the collector that provides it installed?`
        : `unknown fact "${name}" (did you mean "${match}"?)`,
    );
  }
  // The type of the value the operator tests: a map's entry is a string.
  let type = definition?.type;
  let key: string | undefined;
  if (mapping.has('key')) {
    key = mapping.string('key', false);
    if (definition && definition.type !== 'string-map') {
      mapping.report(
        'key',
        `"key" only applies to string-map facts, but ${name} is a ${definition.type}`,
      );
      type = undefined;
    } else if (definition) {
      type = 'string';
    }
  }
  let maxAge: string | undefined;
  if (mapping.has('maxAge')) {
    maxAge = mapping.string('maxAge', false);
    if (maxAge !== undefined && parseDuration(maxAge) === undefined) {
      mapping.report(
        'maxAge',
        `"${maxAge}" is not a duration; use e.g. 30m, 12h, 7d or P7D`,
      );
    }
  }
  const operators = FACT_OPERATORS.filter(operator => mapping.has(operator));
  if (operators.length > 1) {
    mapping.reportKey(
      operators[1],
      `a fact condition takes one operator, found "${operators[0]}" and "${operators[1]}"; combine conditions with all or any`,
    );
    return undefined;
  }
  const operator = operators[0];
  if (operator === undefined) {
    if (mapping.has('maxAge')) {
      // `maxAge` alone asserts only that the fact is fresh.
      return name === undefined ? undefined : { fact: name, maxAge };
    }
    mapping.reportSelf(
      `a fact condition needs an operator: ${orList(FACT_OPERATORS)}`,
    );
    return undefined;
  }
  const problem = type && incompatibility(operator, name!, type);
  if (problem) {
    mapping.reportKey(operator, problem);
    return undefined;
  }
  const operand = validateOperand(ctx, mapping, operator, type);
  if (operator === 'matches' && typeof operand === 'string') {
    const unsafe = checkSafeRegex(operand);
    if (unsafe !== undefined) {
      mapping.report(operator, unsafe);
      return undefined;
    }
  }
  if (name === undefined || operand === undefined) {
    return undefined;
  }
  return {
    fact: name,
    ...(key !== undefined && { key }),
    ...(maxAge !== undefined && { maxAge }),
    [operator]: operand,
  };
}
