/**
 * An answer of {@link HttpClient}: the status, headers and body text (read
 * within the client's size limit).
 *
 * @public
 */
export interface HttpAnswer {
  /** The attempts it took, this one included. */
  attempts: number;
  status: number;
  statusText: string;
  headers: Headers;
  text: string;
}

/**
 * What went wrong with one attempt that could be retried: an answer with a
 * retryable status or a rate limit, a network error, or a timeout.
 *
 * @public
 */
export type HttpAttemptFailure =
  | { kind: 'status'; answer: HttpAnswer }
  | { kind: 'rate-limited'; answer: HttpAnswer; until: number }
  | { kind: 'network'; cause: unknown }
  | { kind: 'timeout'; timeoutMs: number };

/**
 * Why {@link HttpClient} gave up on a request:
 *
 * - `aborted`: the caller's signal aborted (`phase` says while doing what);
 * - `deadline`: the deadline passed before or while the request was sent;
 * - `timeout`: no whole answer within `timeoutMs`;
 * - `network`: the server could not be reached (`cause`);
 * - `too-large`: the body passed `maxBytes`;
 * - `rate-limited`: requests are held back until `until`, past the deadline;
 * - `retries-exhausted`: the last attempt still failed (`lastFailure`);
 * - `retry-after-too-long`: the server asked to wait `waitMs`, longer than
 *   the client waits;
 * - `retry-past-deadline`: waiting `waitMs` for the next attempt would pass
 *   the deadline.
 *
 * @public
 */
export type HttpRequestErrorReason =
  | 'aborted'
  | 'deadline'
  | 'timeout'
  | 'network'
  | 'too-large'
  | 'rate-limited'
  | 'retries-exhausted'
  | 'retry-after-too-long'
  | 'retry-past-deadline';

/**
 * The details of an {@link HttpRequestError}.
 *
 * @public
 */
export interface HttpRequestErrorDetails {
  reason: HttpRequestErrorReason;
  /** Attempts sent so far. */
  attempts: number;
  /** For `aborted`: waiting for a slot, for the rate limit, or for an answer. */
  phase?: 'queued' | 'rate-limit' | 'request';
  /** The failure of the last attempt, when there was one. */
  lastFailure?: HttpAttemptFailure;
  /** The timeout that ran out, in milliseconds (`timeout`, `deadline`). */
  timeoutMs?: number;
  /** The size limit that was passed (`too-large`). */
  maxBytes?: number;
  /** The wait asked for, in milliseconds (`retry-*`). */
  waitMs?: number;
  /** When a rate limit ends, in milliseconds since the epoch. */
  until?: number;
  cause?: unknown;
}

/**
 * A request of {@link HttpClient} that gave no answer to use. Its message
 * names the reason only, never the URL, headers or body: callers say which
 * request it was, in their own words.
 *
 * @public
 */
export class HttpRequestError extends Error {
  readonly reason: HttpRequestErrorReason;
  readonly attempts: number;
  readonly phase?: HttpRequestErrorDetails['phase'];
  readonly lastFailure?: HttpAttemptFailure;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  readonly waitMs?: number;
  readonly until?: number;

  constructor(details: HttpRequestErrorDetails) {
    super(describeReason(details), { cause: details.cause });
    this.name = 'HttpRequestError';
    this.reason = details.reason;
    this.attempts = details.attempts;
    this.phase = details.phase;
    this.lastFailure = details.lastFailure;
    this.timeoutMs = details.timeoutMs;
    this.maxBytes = details.maxBytes;
    this.waitMs = details.waitMs;
    this.until = details.until;
  }
}

function describeReason(details: HttpRequestErrorDetails): string {
  const tries = `${details.attempts} attempt${
    details.attempts === 1 ? '' : 's'
  }`;
  switch (details.reason) {
    case 'aborted':
      return 'the request was aborted';
    case 'deadline':
      return 'the deadline passed';
    case 'timeout':
      return `no answer within ${details.timeoutMs} ms`;
    case 'network':
      return 'the server could not be reached';
    case 'too-large':
      return `the response is larger than ${details.maxBytes} bytes`;
    case 'rate-limited':
      return `rate limited until ${new Date(
        details.until!,
      ).toISOString()}, past the deadline`;
    case 'retries-exhausted':
      return `gave up after ${tries}`;
    case 'retry-after-too-long':
      return `the server asks to wait ${details.waitMs} ms, longer than allowed`;
    default:
      return `waiting ${details.waitMs} ms to retry would pass the deadline (${tries})`;
  }
}
