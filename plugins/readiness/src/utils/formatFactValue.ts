import type { FactValue } from '@readiness/plugin-readiness-common';

/** A fact's value as one line of text; `null` (observed, not there) is `undefined`. */
export function formatFactValue(value: FactValue): string | undefined {
  if (value === null) {
    return undefined;
  }
  if (Array.isArray(value)) {
    return value.join(', ');
  }
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([key, item]) => `${key}: ${item}`)
      .join(', ');
  }
  return String(value);
}
