import { JSONPath } from 'jsonpath-plus';
import type { FactValue } from '@readiness/plugin-readiness-common';
import type { HttpFactSpec } from './types';

/** Every match of a JSONPath expression; script expressions are refused. */
export function query(path: string, json: unknown): unknown[] {
  if (typeof json !== 'object' || json === null) {
    return [];
  }
  return (JSONPath({ path, json, eval: false, wrap: true }) as unknown[]) ?? [];
}

/**
 * Why a JSONPath expression cannot be used, or undefined when it can: it
 * must start at the root (`$`) and contain no script (`?(…)`, `(…)`).
 */
export function checkJsonPath(path: string): string | undefined {
  if (!path.trim().startsWith('$')) {
    return `"${path}" must start with $, the root of the response`;
  }
  const segments = JSONPath.toPathArray(path);
  if (segments.some(s => /^\??\(/.test(s) || s.includes('@'))) {
    return `"${path}" uses a script expression such as ?(…), which is not evaluated; select by position or ask the API for less`;
  }
  return undefined;
}

/** Does this path step spread over many values (`*`, `..`, slices, unions)? */
function spreads(segment: string): boolean {
  return (
    segment === '*' ||
    segment === '..' ||
    segment.includes(':') ||
    segment.includes(',')
  );
}

function isScalar(value: unknown): value is string | number | boolean {
  return ['string', 'number', 'boolean'].includes(typeof value);
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined;
  }
  if (
    typeof value === 'string' &&
    /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(value)
  ) {
    return Number(value);
  }
  return undefined;
}

function toBoolean(value: unknown, equals: HttpFactSpec['equals']) {
  if (equals !== undefined) {
    return isScalar(value) ? String(value) === String(equals) : undefined;
  }
  if (typeof value === 'boolean') {
    return value;
  }
  const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (text === 'true' || text === 'false') {
    return text === 'true';
  }
  return undefined;
}

function toStringMap(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return undefined;
  }
  const entries = Object.entries(value);
  return entries.every(([, v]) => isScalar(v))
    ? Object.fromEntries(entries.map(([k, v]) => [k, String(v)]))
    : undefined;
}

/**
 * A list: the elements of the one array the path selects, or every match of
 * a path that spreads (`$.items[*].name`) once the part before the spread is
 * found, so an empty list is observed as empty, not as missing.
 */
function selectList(json: unknown, path: string): string[] | null | undefined {
  const segments = [...JSONPath.toPathArray(path)];
  const spread = segments.findIndex(spreads);
  let values: unknown[];
  if (spread > 0) {
    const container = query(
      JSONPath.toPathString(segments.slice(0, spread)),
      json,
    );
    if (!container.some(c => typeof c === 'object' && c !== null)) {
      return undefined;
    }
    values = query(path, json);
  } else {
    const matches = query(path, json);
    if (matches.length === 1 && matches[0] === null) {
      return null;
    }
    if (matches.length !== 1 || !Array.isArray(matches[0])) {
      return undefined;
    }
    values = matches[0];
  }
  return values.every(isScalar) ? values.map(String) : undefined;
}

/**
 * The fact's value in a response, converted to its type: numbers from
 * numeric strings ("87.5"), booleans from true/false, "true"/"false" or
 * `equals`, strings from scalars, lists and maps of strings. A JSON `null` is
 * `null` (observed, absent). A path that matches nothing, or a value that
 * does not convert, gives undefined: the fact is left out, never made up.
 */
export function selectFact(
  json: unknown,
  fact: HttpFactSpec,
): FactValue | undefined {
  if (fact.type === 'string-list') {
    return selectList(json, fact.path);
  }
  const matches = query(fact.path, json);
  if (matches.length === 0) {
    return undefined;
  }
  const value = matches[0];
  if (value === null) {
    return null;
  }
  switch (fact.type) {
    case 'number':
      return toNumber(value);
    case 'boolean':
      return toBoolean(value, fact.equals);
    case 'string':
      return isScalar(value) ? String(value) : undefined;
    case 'string-map':
      return toStringMap(value);
    default:
      return undefined;
  }
}
