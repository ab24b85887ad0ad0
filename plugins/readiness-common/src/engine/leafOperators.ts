import { isRecord } from '../isRecord';
import { FactCondition, FactValue, Scalar } from '../types';
import { FACT_OPERATORS, FactOperator } from './factOperators';
import { truncate } from './resultLimits';
import { compileSafeRegex } from './safeRegex';

/**
 * Tests the value a leaf looks at (`undefined` when a map has no such key):
 * `undefined` when the condition holds, otherwise why it does not.
 */
export type ValueTest = (value: FactValue | undefined) => string | undefined;

const MAX_SHOWN = 100;

/**
 * The JSON of `value`, or a longer text that starts like it: only as much is
 * serialised as `MAX_SHOWN` characters need, so that a huge fact value costs
 * no more than a small one.
 */
function jsonStart(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(
      value.length > MAX_SHOWN ? value.slice(0, MAX_SHOWN) : value,
    );
  }
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length && text.length <= MAX_SHOWN; i++) {
      text += `${i > 0 ? ',' : ''}${jsonStart(value[i])}`;
    }
    return `${text}]`;
  }
  if (isRecord(value)) {
    let text = '{';
    for (const key in value) {
      if (!Object.hasOwn(value, key)) {
        continue;
      }
      if (text.length > MAX_SHOWN) {
        break;
      }
      const entry = value[key];
      text += `${text.length > 1 ? ',' : ''}${jsonStart(key)}:${jsonStart(
        entry,
      )}`;
    }
    return `${text}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * A value as a reason shows it: JSON, shortened to `MAX_SHOWN` characters,
 * "not set" for nothing. Fact values come from entities, so both the text
 * and the work are bounded.
 */
export function show(value: FactValue | undefined): string {
  if (value === undefined || value === null) {
    return 'not set';
  }
  const text = typeof value === 'number' ? String(value) : jsonStart(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

function isPresent(value: FactValue | undefined): boolean {
  if (value === undefined || value === null || value === '') {
    return false;
  }
  if (typeof value === 'number') {
    return !Number.isNaN(value);
  }
  if (Array.isArray(value)) {
    return value.length > 0;
  }
  return typeof value !== 'object' || Object.keys(value).length > 0;
}

/** The reason for a value of the wrong type, or `undefined` if it fits. */
function typeProblem(
  name: string,
  value: FactValue | undefined,
  fits: boolean,
  expected: string,
): string | undefined {
  if (value === undefined || value === null) {
    return `${name} is not set`;
  }
  return fits ? undefined : `${name} is ${show(value)}, not ${expected}`;
}

function compileExists(name: string, expected: boolean): ValueTest {
  return value => {
    if (isPresent(value) === expected) {
      return undefined;
    }
    return expected ? `${name} is not set` : `${name} is set to ${show(value)}`;
  };
}

function compileIn(name: string, candidates: Scalar[]): ValueTest {
  const allowed = new Set<FactValue | undefined>(candidates);
  const listed = truncate(
    candidates.map(c => JSON.stringify(c)).join(', ') || '(none)',
    MAX_SHOWN,
  );
  return value =>
    allowed.has(value)
      ? undefined
      : `${name} is ${show(value)}, expected one of ${listed}`;
}

function compileContains(name: string, part: string): ValueTest {
  const expected = show(part);
  return value =>
    typeProblem(
      name,
      value,
      typeof value === 'string' || Array.isArray(value),
      'a string or a list',
    ) ??
    ((value as string | string[]).includes(part)
      ? undefined
      : `${name} does not contain ${expected}`);
}

/**
 * A string passes `test`, or a list has an element that does; `expected`
 * says what was wanted, e.g. `to start with "ab"`.
 */
function compileTextTest(
  name: string,
  test: (text: string) => boolean,
  expected: string,
): ValueTest {
  return value => {
    const problem = typeProblem(
      name,
      value,
      typeof value === 'string' || Array.isArray(value),
      'a string or a list',
    );
    if (problem !== undefined) {
      return problem;
    }
    if (typeof value === 'string') {
      return test(value)
        ? undefined
        : `${name} is ${show(value)}, expected ${expected}`;
    }
    return (value as string[]).some(test)
      ? undefined
      : `${name} is ${show(value)}, expected an element ${expected}`;
  };
}

function compilePrefix(name: string, prefix: string): ValueTest {
  return compileTextTest(
    name,
    text => text.startsWith(prefix),
    `to start with ${show(prefix)}`,
  );
}

function compileMatches(name: string, pattern: string): ValueTest {
  let regex: ReturnType<typeof compileSafeRegex>;
  try {
    regex = compileSafeRegex(pattern);
  } catch (error) {
    throw new Error(`Condition on ${name}: ${(error as Error).message}`);
  }
  return compileTextTest(
    name,
    text => regex.test(text),
    `to match /${truncate(pattern, MAX_SHOWN)}/`,
  );
}

const COMPARISONS = {
  lt: ['<', (a: number, b: number) => a < b],
  lte: ['<=', (a: number, b: number) => a <= b],
  gt: ['>', (a: number, b: number) => a > b],
  gte: ['>=', (a: number, b: number) => a >= b],
} as const;

function compileComparison(
  name: string,
  operator: keyof typeof COMPARISONS,
  bound: number,
): ValueTest {
  const [symbol, compare] = COMPARISONS[operator];
  return value => {
    const fits = typeof value === 'number' && !Number.isNaN(value);
    return (
      typeProblem(name, value, fits, 'a number') ??
      (compare(value as number, bound)
        ? undefined
        : `${name} is ${value}, expected ${symbol} ${bound}`)
    );
  };
}

function compileOne(
  name: string,
  operator: FactOperator,
  leaf: FactCondition,
): ValueTest {
  switch (operator) {
    case 'exists':
      return compileExists(name, leaf.exists!);
    case 'equals': {
      const expected = leaf.equals!;
      const text = show(expected);
      return value =>
        value === expected
          ? undefined
          : `${name} is ${show(value)}, expected ${text}`;
    }
    case 'notEquals': {
      const excluded = leaf.notEquals!;
      return value =>
        value !== excluded
          ? undefined
          : `${name} is ${show(value)}, expected any other value`;
    }
    case 'in':
      return compileIn(name, leaf.in!);
    case 'contains':
      return compileContains(name, leaf.contains!);
    case 'prefix':
      return compilePrefix(name, leaf.prefix!);
    case 'matches':
      return compileMatches(name, leaf.matches!);
    default:
      return compileComparison(name, operator, leaf[operator]!);
  }
}

const ALWAYS: ValueTest = () => undefined;

/**
 * The test of a leaf's one operator, resolved once so that evaluation only
 * compares. A leaf with only `maxAge` asserts freshness, which the caller
 * checks, so its value test always holds. `name` is how reasons refer to the
 * value, e.g. `catalog.annotations[backstage.io/techdocs-ref]`.
 */
export function compileOperator(leaf: FactCondition, name: string): ValueTest {
  const present = FACT_OPERATORS.filter(
    operator => leaf[operator] !== undefined,
  );
  if (present.length > 1) {
    throw new Error(
      `Condition on ${name} has more than one operator: ${present.join(', ')}`,
    );
  }
  if (present.length === 0) {
    if (leaf.maxAge === undefined) {
      throw new Error(`Condition on ${name} has no operator`);
    }
    return ALWAYS;
  }
  return compileOne(name, present[0], leaf);
}
