import { ResponseError } from '@backstage/errors';

/**
 * Helpers of the exemption, attestation and decision forms. End dates are
 * UTC days (YYYY-MM-DD), as the backend counts them.
 */

/** Today in UTC, as YYYY-MM-DD. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The day `days` after `date` (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** Whether `value` is a real calendar day written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return false;
  }
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && todayUtc(day) === value;
}

/** Whether `value` is an absolute http(s) address: the only links kept. */
export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** What went wrong, in the backend's words when it answered with an error. */
export function errorMessage(error: Error): string {
  return error instanceof ResponseError ? error.cause.message : error.message;
}

/**
 * Shows `error` on a `@backstage/ui` field and announces it with it
 * (`aria-invalid`, `aria-describedby`); no error, no message.
 */
export function fieldError(error: string | undefined) {
  return {
    validationBehavior: 'aria' as const,
    validate: () => error ?? null,
  };
}
