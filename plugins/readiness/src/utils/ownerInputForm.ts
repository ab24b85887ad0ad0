import { ResponseError } from '@backstage/errors';

/**
 * Helpers of the exemption, attestation and decision forms. End dates are
 * UTC days (YYYY-MM-DD): `dayOf`, `addDays` and `isCalendarDay` of the
 * common package count them as the backend does.
 */

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
