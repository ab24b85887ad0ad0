import { isRecord } from '@readiness/plugin-readiness-common';
import type { FactType } from '@readiness/plugin-readiness-common';

/**
 * Bounds of one pushed value, so that what a pipeline stores, and every
 * evaluation then reads, stays small.
 */
export const PUSHED_VALUE_LIMITS = {
  /** Characters of a string, and of a map's value. */
  maxStringLength: 1024,
  /** Items of a list, and keys of a map. */
  maxItems: 100,
  /** Characters of a list's item, and of a map's key. */
  maxItemLength: 256,
};

const { maxStringLength, maxItems, maxItemLength } = PUSHED_VALUE_LIMITS;

/** What a JSON value is, in the words of the error messages. */
function kindOf(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  return Array.isArray(value) ? 'a list' : typeof value;
}

const EXPECTED: Record<FactType, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  'string-list': 'a list of strings',
  'string-map': 'a map of strings',
};

/**
 * Why `value` cannot be a pushed fact of `type`, or undefined when it can:
 * of the declared type, finite, and within {@link PUSHED_VALUE_LIMITS}.
 */
export function checkPushedValue(
  value: unknown,
  type: FactType,
): string | undefined {
  const wrongType = `must be ${
    EXPECTED[type]
  } (readiness.pushedFacts), got ${kindOf(value)}`;
  switch (type) {
    case 'number':
      if (typeof value !== 'number') {
        return wrongType;
      }
      // JSON has no Infinity, but 1e400 parses to it.
      return Number.isFinite(value) ? undefined : 'must be a finite number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : wrongType;
    case 'string':
      if (typeof value !== 'string') {
        return wrongType;
      }
      return value.length > maxStringLength
        ? `is ${value.length} characters long; at most ${maxStringLength} are allowed`
        : undefined;
    case 'string-list':
      return Array.isArray(value) ? checkList(value) : wrongType;
    default:
      return isRecord(value) ? checkMap(value) : wrongType;
  }
}

function checkList(items: unknown[]): string | undefined {
  if (items.length > maxItems) {
    return `has ${items.length} items; at most ${maxItems} are allowed`;
  }
  for (const [index, item] of items.entries()) {
    if (typeof item !== 'string') {
      return `[${index}] must be a string, got ${kindOf(item)}`;
    }
    if (item.length > maxItemLength) {
      return `[${index}] is ${item.length} characters long; at most ${maxItemLength} are allowed`;
    }
  }
  return undefined;
}

function checkMap(map: Record<string, unknown>): string | undefined {
  const entries = Object.entries(map);
  if (entries.length > maxItems) {
    return `has ${entries.length} keys; at most ${maxItems} are allowed`;
  }
  for (const [key, item] of entries) {
    const at = `[${JSON.stringify(key.slice(0, 64))}]`;
    if (key.length > maxItemLength) {
      return `has a key of ${key.length} characters; at most ${maxItemLength} are allowed`;
    }
    if (typeof item !== 'string') {
      return `${at} must be a string, got ${kindOf(item)}`;
    }
    if (item.length > maxStringLength) {
      return `${at} is ${item.length} characters long; at most ${maxStringLength} are allowed`;
    }
  }
  return undefined;
}
