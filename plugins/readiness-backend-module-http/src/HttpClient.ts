import { setTimeout as sleep } from 'node:timers/promises';
import {
  ConcurrencyLimiter,
  DEFAULT_MAX_RESPONSE_BYTES,
  describeError,
  parseRetryAfter,
  readResponseText,
  ResponseTooLargeError,
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

type Outcome =
  | { ok: true; json: unknown }
  | { ok: false; retry: boolean; message: string; retryAfterMs?: number };

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
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Math.ceil(ms / 1000)} s`;
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
  private readonly limiter: ConcurrencyLimiter;
  private readonly rateLimiter?: RateLimiter;
  private readonly maxResponseBytes: number;

  constructor(private readonly options: HttpClientOptions) {
    this.maxResponseBytes =
      options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.limiter = new ConcurrencyLimiter(options.concurrency);
    this.rateLimiter = options.rateLimit && new RateLimiter(options.rateLimit);
  }

  /** The parsed JSON body; throws with the reason when there is none. */
  async getJson(
    request: HttpRequest,
    { signal, deadline }: { signal: AbortSignal; deadline: Date },
  ): Promise<unknown> {
    const url = new URL(request.url);
    const label = `${request.method} ${url.origin}${url.pathname}`;
    try {
      for (let attempts = 1; ; attempts += 1) {
        const outcome = await this.attempt(request, signal);
        if (outcome.ok) {
          return outcome.json;
        }
        const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`;
        if (!outcome.retry || attempts > this.options.retries) {
          throw new Error(`${label} ${outcome.message} (${tries})`);
        }
        const delay = outcome.retryAfterMs ?? this.backoff(attempts);
        if (Date.now() + delay > deadline.getTime()) {
          const next = `the next attempt, in ${seconds(delay)}`;
          throw new Error(
            `${label} ${outcome.message} (${tries}); ${next}, would be past the deadline`,
          );
        }
        if (outcome.retryAfterMs !== undefined) {
          this.rateLimiter?.pauseUntil(Date.now() + delay);
        }
        await sleep(delay, undefined, { signal });
      }
    } catch (error) {
      if (signal.aborted) {
        throw new Error(
          `${label} stopped: ${
            pastDeadline(signal, deadline)
              ? 'the deadline passed'
              : 'the collection was cancelled'
          }`,
        );
      }
      throw error;
    }
  }

  private backoff(attempts: number): number {
    const base = this.options.backoffMs ?? 500;
    return base * 2 ** (attempts - 1) * (0.5 + Math.random() / 2);
  }

  private attempt(request: HttpRequest, signal: AbortSignal): Promise<Outcome> {
    return this.limiter.run(async () => {
      await this.rateLimiter?.acquire(signal);
      const timeout = AbortSignal.timeout(this.options.timeoutMs);
      try {
        const response = await fetch(request.url, {
          method: request.method,
          headers: withDefaults(request),
          body: request.body,
          redirect: 'manual',
          signal: AbortSignal.any([signal, timeout]),
        });
        const status = `${response.status} ${response.statusText}`.trim();
        if (response.status === 429 || response.status >= 500) {
          await response.body?.cancel();
          return {
            ok: false,
            retry: true,
            message: `answered ${status}`,
            retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
          };
        }
        if (!response.ok) {
          await response.body?.cancel();
          const redirect =
            response.status >= 300 && response.status < 400
              ? ', a redirect, which is not followed so that the headers stay with the configured host'
              : '';
          return {
            ok: false,
            retry: false,
            message: `answered ${status}${redirect}`,
          };
        }
        const text = await readResponseText(response, this.maxResponseBytes);
        try {
          return { ok: true, json: JSON.parse(text) };
        } catch (error) {
          return {
            ok: false,
            retry: false,
            message: `answered ${status} with malformed JSON: ${describeError(
              error,
            )}`,
          };
        }
      } catch (error) {
        if (signal.aborted) {
          throw error;
        }
        if (error instanceof ResponseTooLargeError) {
          return {
            ok: false,
            retry: false,
            message: `answered more than ${this.maxResponseBytes} bytes (maxResponseBytes); the rest was not read`,
          };
        }
        if (timeout.aborted) {
          return {
            ok: false,
            retry: true,
            message: `timed out after ${this.options.timeoutMs} ms`,
          };
        }
        return {
          ok: false,
          retry: true,
          message: `failed: ${describeError(error)}`,
        };
      }
    }, signal);
  }
}
