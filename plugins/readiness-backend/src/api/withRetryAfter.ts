import type { Response } from 'express';
import { TooManyRequestsError } from './CallerRateLimiter';

/**
 * Runs a route's work; when it is refused with a 429, the answer says when
 * to try again (`Retry-After`) before Backstage's error middleware sends it.
 */
export async function withRetryAfter<T>(
  res: Response,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof TooManyRequestsError) {
      res.setHeader('Retry-After', String(error.retryAfterSeconds));
    }
    throw error;
  }
}
