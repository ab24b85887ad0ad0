import {
  describeError,
  HttpAttemptFailure,
  HttpClient as SharedHttpClient,
  HttpRequestError,
} from '@readiness/plugin-readiness-node';
import { RateLimiter } from './RateLimiter';
import type { RateLimit } from './types';

export interface HttpRequest {
  url: string;
  method: 'GET' | 'POST';
  /** Secret: never logged nor put in an error message. */
  headers: Record<string, string>;
  body?: string;
}

export interface HttpClientOptions {
  /** How long one attempt may take, response body included. */
  timeoutMs: number;
  /** Attempts after the first, for network errors, timeouts, 429 and 5xx. */
  retries: number;
  /** Requests in flight at once, across all callers of this client. */
  concurrency: number;
  rateLimit?: RateLimit;
  /** The first retry waits about this long, the next twice as long, … */
  backoffMs?: number;
  /** A larger response body is refused, unread past this size. */
  maxResponseBytes?: number;
}

const DEFAULT_BACKOFF_MS = 500;
const MS_PER_SECOND = 1000;

/** 429 and every 5xx may pass on another attempt; other statuses will not. */
function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** Only a 2xx body is used: any other is cancelled unread. */
function isSuccess(status: number): boolean {
  return status >= 200 && status <= 299;
}

function attemptsText(attempts: number): string {
  return `${attempts} attempt${attempts === 1 ? '' : 's'}`;
}

/** What went wrong with one attempt, after the method and URL. */
function problemOf(failure: HttpAttemptFailure): string {
  switch (failure.kind) {
    case 'status':
    case 'rate-limited':
      return `answered ${`${failure.answer.status} ${failure.answer.statusText}`.trim()}`;
    case 'timeout':
      return `timed out after ${failure.timeoutMs} ms`;
    default:
      return `failed: ${describeError(failure.cause)}`;
  }
}

/** Was the signal aborted by a timeout, or is the deadline past? */
function pastDeadline(signal: AbortSignal, deadline: Date): boolean {
  return (
    (signal.reason as { name?: unknown })?.name === 'TimeoutError' ||
    Date.now() >= deadline.getTime()
  );
}

/** The headers, with JSON as the default Accept and Content-Type. */
function withDefaults(request: HttpRequest): Record<string, string> {
  const names = Object.keys(request.headers).map(h => h.toLowerCase());
  return {
    ...(!names.includes('accept') && { accept: 'application/json' }),
    ...(request.body !== undefined &&
      !names.includes('content-type') && {
        'content-type': 'application/json',
      }),
    ...request.headers,
  };
}

function seconds(ms: number): string {
  return ms < MS_PER_SECOND
    ? `${Math.round(ms)} ms`
    : `${Math.ceil(ms / MS_PER_SECOND)} s`;
}

/**
 * Fetches JSON for one collector: each attempt under a timeout, retried
 * with exponential backoff and jitter on network errors, timeouts, 429 (after
 * its Retry-After, which also holds back the collector's other requests) and
 * 5xx, never on other 4xx; through the collector's concurrency limit and rate
 * limiter. Redirects are not followed, so the configured headers never reach
 * another host. Errors name the method, the URL without its query, the
 * status or timeout and the attempts, never a header.
 */
export class HttpClient {
  private readonly http: SharedHttpClient;

  constructor(options: HttpClientOptions) {
    const rateLimiter = options.rateLimit && new RateLimiter(options.rateLimit);
    this.http = new SharedHttpClient({
      concurrency: options.concurrency,
      timeoutMs: options.timeoutMs,
      maxResponseBytes: options.maxResponseBytes,
      retries: options.retries,
      retryStatuses: isRetryableStatus,
      retryNetworkErrors: true,
      retryTimeouts: true,
      // A server's Retry-After holds back the other requests only where a
      // rate limit is configured.
      retryAfterHoldsOthers: Boolean(rateLimiter),
      readsBody: isSuccess,
      backoff: { initialMs: options.backoffMs ?? DEFAULT_BACKOFF_MS },
      beforeSend: rateLimiter && (signal => rateLimiter.acquire(signal)),
    });
  }

  /** The parsed JSON body; throws with the reason when there is none. */
  async getJson(
    request: HttpRequest,
    { signal, deadline }: { signal: AbortSignal; deadline: Date },
  ): Promise<unknown> {
    const url = new URL(request.url);
    const label = `${request.method} ${url.origin}${url.pathname}`;
    const stopped = () =>
      new Error(
        `${label} stopped: ${
          pastDeadline(signal, deadline)
            ? 'the deadline passed'
            : 'the collection was cancelled'
        }`,
      );
    let answer;
    try {
      answer = await this.http.fetch(request.url, {
        method: request.method,
        headers: withDefaults(request),
        body: request.body,
        signal,
        deadline,
      });
    } catch (error) {
      if (!(error instanceof HttpRequestError)) {
        throw error;
      }
      const tries = attemptsText(error.attempts);
      const problem = error.lastFailure && problemOf(error.lastFailure);
      switch (error.reason) {
        case 'retries-exhausted':
          throw new Error(`${label} ${problem} (${tries})`);
        case 'retry-past-deadline':
          throw new Error(
            `${label} ${problem} (${tries}); the next attempt, in ${seconds(
              error.waitMs!,
            )}, would be past the deadline`,
          );
        case 'too-large':
          throw new Error(
            `${label} answered more than ${error.maxBytes} bytes (maxResponseBytes); the rest was not read (${tries})`,
          );
        case 'rate-limited':
          throw new Error(
            `${label} stopped: requests are held back until ${new Date(
              error.until!,
            ).toISOString()} (a server's Retry-After), past the deadline`,
          );
        default:
          // Aborted, or the deadline passed.
          throw stopped();
      }
    }
    const status = `${answer.status} ${answer.statusText}`.trim();
    const tries = attemptsText(answer.attempts);
    if (answer.status >= 300 && answer.status < 400) {
      throw new Error(
        `${label} answered ${status}, a redirect, which is not followed so that the headers stay with the configured host (${tries})`,
      );
    }
    if (!isSuccess(answer.status)) {
      throw new Error(`${label} answered ${status} (${tries})`);
    }
    try {
      return JSON.parse(answer.text);
    } catch (error) {
      throw new Error(
        `${label} answered ${status} with malformed JSON: ${describeError(
          error,
        )} (${tries})`,
      );
    }
  }
}
