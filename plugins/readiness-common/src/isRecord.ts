/**
 * Whether a parsed value is a plain object (a YAML mapping, a JSON object):
 * not null, not an array.
 *
 * @public
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
