/**
 * The most telling message of an error: for a failed `fetch`, the network's
 * reason from `cause` (its message or code, e.g. `ECONNREFUSED`), else the
 * error's own message, else the value as a string.
 *
 * @public
 */
export function describeError(error: unknown): string {
  const { message, cause } = (error ?? {}) as {
    message?: unknown;
    cause?: { message?: unknown; code?: unknown };
  };
  const detail = cause?.message || cause?.code;
  if (detail) {
    return String(detail);
  }
  return message ? String(message) : String(error);
}
