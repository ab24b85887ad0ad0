/**
 * How long a `Retry-After` header asks to wait, in milliseconds from `now`:
 * delay-seconds (fractions accepted) or an HTTP date (0 once past);
 * `undefined` when there is none or it is neither.
 *
 * @public
 */
export function parseRetryAfter(
  header: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  const value = header?.trim();
  if (!value) {
    return undefined;
  }
  if (/^\d+(\.\d+)?$/.test(value)) {
    return Number(value) * 1000;
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
