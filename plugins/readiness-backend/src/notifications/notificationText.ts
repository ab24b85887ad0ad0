import { createHash } from 'node:crypto';

/**
 * `a, b, c and 2 more`: at most `max` of the items, and how many of `total`
 * (all the items by default; more when only the first are at hand) are left.
 */
export function listed(
  items: string[],
  max: number,
  total = items.length,
): string {
  const shown = items.slice(0, max);
  const rest = total - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}

/** `1 entity`, `3 entities`. */
export function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * An outbox dedupe key for one fact: a prefix and a hash of what names the
 * fact, so that long entity refs fit the column.
 */
export function dedupeKey(prefix: string, parts: string[]): string {
  const hash = createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  return `${prefix}:${hash}`;
}
