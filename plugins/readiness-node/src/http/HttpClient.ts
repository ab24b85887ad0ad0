import { sleep as abortableSleep } from '../abort';
import { ConcurrencyLimiter } from '../ConcurrencyLimiter';
import { backoffDelayMs, type BackoffOptions } from './backoff';
import {
  HttpRequestError,
  type HttpAnswer,
  type HttpAttemptFailure,
  type HttpRequestErrorDetails,
} from './HttpRequestError';
import { RateLimitGate } from './RateLimitGate';
import {
  isRateLimitAnswer,
  isRateLimitSpent,
  rateLimitWaitMs,
} from './rateLimitHeaders';
import {
  DEFAULT_MAX_RESPONSE_BYTES,
  readResponseText,
  ResponseTooLargeError,
} from '@readiness/plugin-readiness-common';
import { parseRetryAfter } from './retryAfter';

/**
 * How an {@link HttpClient} recognises and waits out rate limits.
 *
 * @public
 */
export interface HttpRateLimitOptions {
  /**
   * Whether an answer refuses the request for a rate limit. Default: as
   * GitHub answers, any 429, or a 403 with a valid `Retry-After`, with
   * `x-ratelimit-remaining: 0`, or whose JSON `message` speaks of a rate limit.
   */
  isRateLimited?: (answer: HttpAnswer) => boolean;
  /** The wait when a rate-limited answer does not say how long. */
  defaultWaitMs: number;
}

/**
 * The settings of an {@link HttpClient}, shared by all its requests.
 *
 * @public
 */
export interface HttpClientOptions {
  /** Requests in flight at once, across all callers. */
  concurrency: number;
  /** How long one attempt may take, body included, in milliseconds. */
  timeoutMs: number;
  /** A larger body is an error, unread past this size. Default `DEFAULT_MAX_RESPONSE_BYTES` (5 MiB). */
  maxResponseBytes?: number;
  /** Attempts after the first, for the failures below. Default 0. */
  retries?: number;
  /** Statuses worth another attempt, e.g. 502, 503, 504, or a test of one. Default none. */
  retryStatuses?: readonly number[] | ((status: number) => boolean);
  /** Whether a network error is worth another attempt. Default false. */
  retryNetworkErrors?: boolean;
  /** Whether a timeout (not the deadline) is worth another attempt. Default false. */
  retryTimeouts?: boolean;
  /**
   * Rate limits: a rate-limited answer holds back every request until its
   * reset (or `defaultWaitMs`), then is retried within `retries`. Without
   * it, a 429 is an ordinary status (list it in `retryStatuses`).
   */
  rateLimit?: HttpRateLimitOptions;
  /** Spacing of retries the server gave no `Retry-After` for. */
  backoff?: BackoffOptions;
  /** A longer `Retry-After` fails at once. Default: no limit but the deadline. */
  maxRetryAfterMs?: number;
  /**
   * Whether the `Retry-After` of a retryable status, once a retry will
   * wait for it, also holds back every other request. Default true.
   */
  retryAfterHoldsOthers?: boolean;
  /**
   * Whether the body of an answer with this status is read; any other is
   * cancelled unread and answered with `text` ''. Default: every status.
   */
  readsBody?: (status: number) => boolean;
  /** Default `manual`: credentials never follow a redirect to another host. */
  redirect?: RequestRedirect;
  /** Awaited in a concurrency slot before each attempt, e.g. a token bucket. */
  beforeSend?: (signal?: AbortSignal) => Promise<void>;
  /** The clock; tests may pass their own. */
  now?: () => number;
  /** Waits `ms` or rejects when `signal` aborts; tests may pass their own. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * One request of an {@link HttpClient}.
 *
 * @public
 */
export interface HttpClientRequest {
  method?: string;
  /** Secret values may be here: they are never put in an error. */
  headers?: Record<string, string>;
  body?: string;
  /** Aborts the request and any wait, e.g. when the backend stops. */
  signal?: AbortSignal;
  /** No attempt is sent, and no wait lasts, past this time. */
  deadline?: Date;
  /** Told before the request waits for a rate limit (e.g. to log it). */
  onRateLimitWait?: (until: Date) => void;
}

const DEFAULT_REDIRECT: RequestRedirect = 'manual';

/**
 * An HTTP client for collectors of one API, with what a shared server
 * needs from a well-behaved client: at most `concurrency` requests in
 * flight, a timeout per attempt (shortened to the deadline), bounded
 * retries with exponential back-off and jitter, `Retry-After` honoured,
 * rate limits (429, or 403 with rate-limit headers as GitHub sends) that
 * hold back every caller until the reset, a size limit on bodies, and no
 * redirects followed. It returns the answer of any other status; what a
 * status means is the caller's to say. Failures are
 * {@link HttpRequestError}s naming no URL or header.
 *
 * @public
 */
export class HttpClient {
  private readonly limiter: ConcurrencyLimiter;
  private readonly gate: RateLimitGate;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(private readonly options: HttpClientOptions) {
    this.limiter = new ConcurrencyLimiter(options.concurrency);
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? abortableSleep;
    this.gate = new RateLimitGate(this.now);
  }

  /** When requests may go again, while a rate limit holds them back. */
  get rateLimitedUntil(): Date | undefined {
    return this.gate.remainingMs > 0
      ? new Date(this.gate.pausedUntil)
      : undefined;
  }

  /** The answer to `url`, after the retries its failures are worth. */
  async fetch(
    url: string | URL,
    request: HttpClientRequest = {},
  ): Promise<HttpAnswer> {
    const retries = this.options.retries ?? 0;
    for (let attempts = 0; ; ) {
      await this.waitForGate(request, attempts);
      attempts += 1;
      const result = await this.attempt(url, request, attempts);
      if ('status' in result) {
        return result;
      }
      const failure = result.failure;
      const serverWaitMs = this.serverWaitMs(failure);
      const waitMs =
        serverWaitMs ?? backoffDelayMs(attempts, this.options.backoff);
      const fail = (details: Partial<HttpRequestErrorDetails>) =>
        new HttpRequestError({
          reason: 'retries-exhausted',
          attempts,
          lastFailure: failure,
          until: failure.kind === 'rate-limited' ? failure.until : undefined,
          waitMs,
          ...details,
        });
      if (attempts > retries) {
        throw fail({});
      }
      const { maxRetryAfterMs } = this.options;
      if (maxRetryAfterMs !== undefined && waitMs > maxRetryAfterMs) {
        throw fail({ reason: 'retry-after-too-long' });
      }
      if (
        request.deadline &&
        this.now() + waitMs > request.deadline.getTime()
      ) {
        throw fail({ reason: 'retry-past-deadline' });
      }
      // Only now, with the retry sure to wait for it, does the server's
      // wait hold back the others: a refused wait must not stop them.
      if (
        failure.kind === 'status' &&
        serverWaitMs !== undefined &&
        this.options.retryAfterHoldsOthers !== false
      ) {
        this.gate.pauseUntil(this.now() + serverWaitMs);
      }
      if (this.gate.remainingMs <= 0) {
        await this.sleepOrAbort(waitMs, request, attempts, 'request');
      }
    }
  }

  /** How long the server asked to wait before the next attempt, if it did. */
  private serverWaitMs(failure: HttpAttemptFailure): number | undefined {
    switch (failure.kind) {
      case 'rate-limited':
        return Math.max(0, failure.until - this.now());
      case 'status':
        return parseRetryAfter(
          failure.answer.headers.get('retry-after'),
          this.now(),
        );
      default:
        return undefined;
    }
  }

  private async waitForGate(
    request: HttpClientRequest,
    attempts: number,
  ): Promise<void> {
    const waitMs = this.gate.remainingMs;
    if (waitMs <= 0) {
      return;
    }
    const until = this.gate.pausedUntil;
    if (request.deadline && until > request.deadline.getTime()) {
      throw new HttpRequestError({ reason: 'rate-limited', attempts, until });
    }
    request.onRateLimitWait?.(new Date(until));
    await this.sleepOrAbort(waitMs, request, attempts, 'rate-limit');
  }

  private async sleepOrAbort(
    ms: number,
    request: HttpClientRequest,
    attempts: number,
    phase: 'rate-limit' | 'request',
  ): Promise<void> {
    try {
      await this.sleep(ms, request.signal);
    } catch (cause) {
      throw new HttpRequestError({ reason: 'aborted', attempts, phase, cause });
    }
  }

  private async attempt(
    url: string | URL,
    request: HttpClientRequest,
    attempts: number,
  ): Promise<HttpAnswer | { failure: HttpAttemptFailure }> {
    let result: HttpAnswer | { failure: HttpAttemptFailure };
    try {
      result = await this.limiter.run(
        () => this.send(url, request, attempts),
        request.signal,
      );
    } catch (error) {
      if (error instanceof HttpRequestError) {
        throw error;
      }
      // Only the limiter throws anything else: the signal aborted in the queue.
      throw new HttpRequestError({
        reason: 'aborted',
        attempts: attempts - 1,
        phase: 'queued',
        cause: error,
      });
    }
    if ('failure' in result) {
      return result;
    }
    return this.classify(result);
  }

  /** A rate limit or retryable status is a failure; any other answer is returned. */
  private classify(
    answer: HttpAnswer,
  ): HttpAnswer | { failure: HttpAttemptFailure } {
    const { rateLimit, retryStatuses = [] } = this.options;
    const now = this.now();
    if (rateLimit && (rateLimit.isRateLimited ?? isRateLimitAnswer)(answer)) {
      const waitMs =
        rateLimitWaitMs(answer.headers, now) ?? rateLimit.defaultWaitMs;
      this.gate.pauseUntil(now + waitMs);
      return { failure: { kind: 'rate-limited', answer, until: now + waitMs } };
    }
    const retryable =
      typeof retryStatuses === 'function'
        ? retryStatuses(answer.status)
        : retryStatuses.includes(answer.status);
    if (retryable) {
      return { failure: { kind: 'status', answer } };
    }
    if (rateLimit && isRateLimitSpent(answer.headers)) {
      // The last request of the window: hold the next ones back.
      this.gate.pauseUntil(now + (rateLimitWaitMs(answer.headers, now) ?? 0));
    }
    return answer;
  }

  /** The body, within `maxBytes`, or '' (cancelled unread) when not wanted. */
  private async bodyText(
    response: Response,
    maxBytes: number,
  ): Promise<string> {
    if (this.options.readsBody?.(response.status) === false) {
      await response.body?.cancel();
      return '';
    }
    return readResponseText(response, maxBytes);
  }

  private async send(
    url: string | URL,
    request: HttpClientRequest,
    attempts: number,
  ): Promise<HttpAnswer | { failure: HttpAttemptFailure }> {
    const { signal, deadline } = request;
    const fail = (details: Partial<HttpRequestErrorDetails>) =>
      new HttpRequestError({ reason: 'aborted', attempts, ...details });
    const timeLeftMs = () => {
      const remainingMs = deadline ? deadline.getTime() - this.now() : Infinity;
      if (remainingMs <= 0) {
        throw fail({ reason: 'deadline', attempts: attempts - 1 });
      }
      return remainingMs;
    };
    timeLeftMs();
    await this.options.beforeSend?.(signal).catch(cause => {
      throw fail({ attempts: attempts - 1, phase: 'rate-limit', cause });
    });
    // beforeSend may have waited: the time left is what it is now.
    const remainingMs = timeLeftMs();
    const endsAtDeadline = remainingMs < this.options.timeoutMs;
    const timeoutMs = Math.ceil(Math.min(this.options.timeoutMs, remainingMs));
    const timeout = AbortSignal.timeout(timeoutMs);
    const maxBytes =
      this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    try {
      const response = await fetch(url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        redirect: this.options.redirect ?? DEFAULT_REDIRECT,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      return {
        attempts,
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
        text: await this.bodyText(response, maxBytes),
      };
    } catch (error) {
      if (error instanceof ResponseTooLargeError) {
        throw fail({ reason: 'too-large', maxBytes, cause: error });
      }
      if (signal?.aborted) {
        throw fail({ phase: 'request', cause: error });
      }
      if (timeout.aborted && endsAtDeadline) {
        throw fail({ reason: 'deadline', timeoutMs, cause: error });
      }
      if (timeout.aborted) {
        if (this.options.retryTimeouts) {
          return { failure: { kind: 'timeout', timeoutMs } };
        }
        throw fail({ reason: 'timeout', timeoutMs, cause: error });
      }
      if (this.options.retryNetworkErrors) {
        return { failure: { kind: 'network', cause: error } };
      }
      throw fail({ reason: 'network', cause: error });
    }
  }
}
