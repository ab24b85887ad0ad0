import { parseRetryAfter } from './retryAfter';

const SECONDS = /^\d+(\.\d+)?$/;
const MS_PER_SECOND = 1000;

/**
 * How long an API asks to wait, in milliseconds from `now`, by the headers
 * the common APIs send: `ratelimit-reset` (seconds until the window resets,
 * as PagerDuty and the IETF draft send), then `Retry-After` (seconds or an
 * HTTP date), then, when `x-ratelimit-remaining` is 0, `x-ratelimit-reset`
 * (the reset as seconds since the epoch, as GitHub sends). `undefined` when
 * none says.
 *
 * @public
 */
export function rateLimitWaitMs(
  headers: Headers,
  now: number = Date.now(),
): number | undefined {
  const reset = headers.get('ratelimit-reset')?.trim();
  if (reset && SECONDS.test(reset)) {
    return Number(reset) * MS_PER_SECOND;
  }
  const retryAfter = parseRetryAfter(headers.get('retry-after'), now);
  if (retryAfter !== undefined) {
    return retryAfter;
  }
  if (headers.get('x-ratelimit-remaining')?.trim() === '0') {
    const epochSeconds = Number(headers.get('x-ratelimit-reset'));
    if (epochSeconds > 0) {
      return Math.max(0, epochSeconds * MS_PER_SECOND - now);
    }
  }
  return undefined;
}

/**
 * Whether an answer spent the last request of the rate-limit window
 * (`ratelimit-remaining` or `x-ratelimit-remaining` is 0).
 */
export function isRateLimitSpent(headers: Headers): boolean {
  return (
    headers.get('ratelimit-remaining')?.trim() === '0' ||
    headers.get('x-ratelimit-remaining')?.trim() === '0'
  );
}

/**
 * Whether an answer refuses a request for a rate limit, as GitHub answers:
 * any 429, or a 403 with a valid `Retry-After`, with
 * `x-ratelimit-remaining: 0`, or whose JSON `message` speaks of a rate
 * limit. (A 403 with an unreadable `Retry-After` and nothing else is a
 * refusal, not a rate limit.)
 */
export function isRateLimitAnswer(answer: {
  status: number;
  headers: Headers;
  text: string;
}): boolean {
  if (answer.status === 429) {
    return true;
  }
  return (
    answer.status === 403 &&
    (parseRetryAfter(answer.headers.get('retry-after')) !== undefined ||
      answer.headers.get('x-ratelimit-remaining')?.trim() === '0' ||
      /rate limit/i.test(jsonMessageOf(answer.text)))
  );
}

/** The `message` of a JSON error body such as GitHub's, or ''. */
function jsonMessageOf(text: string): string {
  try {
    const { message } = JSON.parse(text) ?? {};
    return typeof message === 'string' ? message : '';
  } catch {
    return '';
  }
}
