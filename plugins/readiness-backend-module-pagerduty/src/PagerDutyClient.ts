import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  assertSameOrigin,
  ConcurrencyLimiter,
  DEFAULT_MAX_RESPONSE_BYTES,
  describeError,
  parseRetryAfter,
  readResponseText,
  ResponseTooLargeError,
  sleep,
} from '@readiness/plugin-readiness-node';

/** @internal */
export interface PagerDutyClientOptions {
  /** The REST API's URL, without a trailing slash. */
  baseUrl: string;
  /** A secret: sent in `Authorization`, never logged nor in a message. */
  token: string;
  /** Requests in flight at once, over all callers of this client. */
  concurrency: number;
  /** How long one request may take, response body included. */
  timeoutMs: number;
  /** Pages read at most from one list. */
  maxPages: number;
  /** A larger response body is an error, unread past this size. */
  maxResponseBytes?: number;
}

/** Why and until when a request may wait. @internal */
export interface PagerDutyRequestContext {
  /** Aborted when the deadline passes or the collection is cancelled. */
  signal: AbortSignal;
  deadline: Date;
  logger?: LoggerService;
}

/** Query parameters in order; a name may repeat, e.g. `statuses[]`. @internal */
export type PagerDutyQuery = Array<[string, string]>;

/** A list read with classic pagination. @internal */
export interface PagerDutyList {
  items: unknown[];
  /** False when `maxPages` pages were read and PagerDuty had more. */
  complete: boolean;
}

/** PagerDuty answered with an error status. @internal */
export class PagerDutyResponseError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
    this.name = 'PagerDutyResponseError';
  }
}

/** Items asked for per page; PagerDuty's largest. */
export const PAGE_SIZE = 100;
/** Attempts of one request that PagerDuty rate-limits before giving up. */
const MAX_RATE_LIMITED_ATTEMPTS = 5;
/** The wait after a 429 that says nothing of when to come back. */
const DEFAULT_RATE_LIMIT_WAIT_MS = 1000;
const ACCEPT = 'application/vnd.pagerduty+json;version=2';

type Outcome = { body: Record<string, unknown> } | { rateLimitedForMs: number };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * How long PagerDuty asks to wait, in milliseconds: `ratelimit-reset`
 * (seconds until the limit resets) or `Retry-After` (seconds or an HTTP
 * date).
 *
 * @internal
 */
export function rateLimitWaitMs(
  headers: Headers,
  now: number,
): number | undefined {
  const reset = headers.get('ratelimit-reset')?.trim();
  if (reset && /^\d+(\.\d+)?$/.test(reset)) {
    return Number(reset) * 1000;
  }
  return parseRetryAfter(headers.get('retry-after'), now);
}

/** PagerDuty's `{ error: { message, errors } }`, shortened; or nothing. */
function errorDetail(text: string): string {
  try {
    const { error } = JSON.parse(text);
    const parts = [
      error?.message,
      ...(Array.isArray(error?.errors) ? error.errors : []),
    ].filter(part => typeof part === 'string' && part);
    const detail = parts.join('; ');
    return detail
      ? `: ${detail.length > 200 ? `${detail.slice(0, 200)}…` : detail}`
      : '';
  } catch {
    return '';
  }
}

/**
 * Reads PagerDuty's REST API (v2) for one collector. Every request goes
 * through the collector's concurrency limit and its rate-limit state: a
 * 429 holds back all requests until `ratelimit-reset` (or `Retry-After`)
 * has passed, and a request whose deadline comes first fails at once with
 * "rate limited until …". Each request has a timeout; redirects are not
 * followed, so the token never reaches another host. Errors name the method,
 * the path and the status, never the token nor the query.
 *
 * @internal
 */
export class PagerDutyClient {
  private readonly limiter: ConcurrencyLimiter;
  private pausedUntil = 0;

  constructor(
    private readonly options: PagerDutyClientOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.limiter = new ConcurrencyLimiter(options.concurrency);
  }

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  get maxPages(): number {
    return this.options.maxPages;
  }

  /** The JSON object at `path`; throws with the reason when there is none. */
  async get(
    path: string,
    query: PagerDutyQuery,
    context: PagerDutyRequestContext,
  ): Promise<Record<string, unknown>> {
    const label = `PagerDuty GET ${path}`;
    const url = `${this.options.baseUrl}${path}${
      query.length ? `?${new URLSearchParams(query)}` : ''
    }`;
    // The token goes to the configured API only, whatever an id holds.
    assertSameOrigin(url, this.options.baseUrl);
    for (let attempt = 1; ; attempt += 1) {
      await this.waitForRateLimit(label, context);
      let outcome: Outcome;
      try {
        outcome = await this.limiter.run(
          () => this.fetchOnce(url, label, context),
          context.signal,
        );
      } catch (error) {
        throw context.signal.aborted ? this.stopped(label, context) : error;
      }
      if ('body' in outcome) {
        return outcome.body;
      }
      this.pause(outcome.rateLimitedForMs);
      if (attempt >= MAX_RATE_LIMITED_ATTEMPTS) {
        throw new Error(
          `${label} answered 429 Too Many Requests ${attempt} times in a row`,
        );
      }
    }
  }

  /**
   * Every item of a list with classic pagination (`limit`, `offset`,
   * `more`), up to `maxPages` pages.
   */
  async list(
    path: string,
    query: PagerDutyQuery,
    key: string,
    context: PagerDutyRequestContext,
  ): Promise<PagerDutyList> {
    const items: unknown[] = [];
    let offset = 0;
    for (let page = 1; page <= this.options.maxPages; page += 1) {
      const body = await this.get(
        path,
        [...query, ['limit', String(PAGE_SIZE)], ['offset', String(offset)]],
        context,
      );
      const pageItems = body[key];
      if (!Array.isArray(pageItems)) {
        throw new Error(
          `PagerDuty GET ${path} answered without a list of ${key}`,
        );
      }
      items.push(...pageItems);
      if (body.more !== true) {
        return { items, complete: true };
      }
      if (pageItems.length === 0) {
        throw new Error(
          `PagerDuty GET ${path} answered an empty page of ${key} with more to come`,
        );
      }
      offset += pageItems.length;
    }
    return { items, complete: false };
  }

  private pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }

  private async waitForRateLimit(
    label: string,
    context: PagerDutyRequestContext,
  ): Promise<void> {
    const waitMs = this.pausedUntil - this.now();
    if (waitMs <= 0) {
      return;
    }
    const until = new Date(this.pausedUntil).toISOString();
    if (this.pausedUntil > context.deadline.getTime()) {
      throw new Error(
        `PagerDuty rate limited until ${until}, after the deadline of this collection`,
      );
    }
    context.logger?.debug(
      `PagerDuty rate limited until ${until}; ${label} waits ${Math.ceil(
        waitMs,
      )} ms`,
    );
    try {
      await sleep(waitMs, context.signal);
    } catch {
      throw this.stopped(label, context);
    }
  }

  private stopped(
    label: string,
    context: PagerDutyRequestContext,
    deadlinePassed = this.now() >= context.deadline.getTime(),
  ): Error {
    return new Error(
      `${label} stopped: ${
        deadlinePassed ? 'the deadline passed' : 'the collection was cancelled'
      }`,
    );
  }

  private async fetchOnce(
    url: string,
    label: string,
    context: PagerDutyRequestContext,
  ): Promise<Outcome> {
    // The request ends at its timeout or at the deadline, whichever is first.
    const remainingMs = context.deadline.getTime() - this.now();
    if (remainingMs <= 0) {
      throw this.stopped(label, context, true);
    }
    const endsAtDeadline = remainingMs < this.options.timeoutMs;
    const timeout = AbortSignal.timeout(
      Math.min(this.options.timeoutMs, Math.ceil(remainingMs)),
    );
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        headers: {
          Accept: ACCEPT,
          Authorization: `Token token=${this.options.token}`,
        },
        redirect: 'manual',
        signal: AbortSignal.any([context.signal, timeout]),
      });
      text = await readResponseText(
        response,
        this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      );
    } catch (error) {
      if (error instanceof ResponseTooLargeError) {
        throw new Error(
          `${label} answered more than ${error.maxBytes} bytes (readiness.pagerduty.maxResponseBytes); the rest was not read`,
        );
      }
      if (context.signal.aborted) {
        throw this.stopped(label, context);
      }
      if (timeout.aborted && endsAtDeadline) {
        throw this.stopped(label, context, true);
      }
      if (timeout.aborted) {
        throw new Error(
          `${label} timed out after ${this.options.timeoutMs} ms`,
        );
      }
      throw new Error(`${label} failed: ${describeError(error)}`);
    }

    const status = `${response.status} ${response.statusText}`.trim();
    const waitMs = rateLimitWaitMs(response.headers, this.now());
    if (response.status === 429) {
      return { rateLimitedForMs: waitMs ?? DEFAULT_RATE_LIMIT_WAIT_MS };
    }
    if (response.headers.get('ratelimit-remaining')?.trim() === '0') {
      // The last request of this window: hold the next ones back.
      this.pause(waitMs ?? 0);
    }
    if (response.status >= 300 && response.status < 400) {
      throw new PagerDutyResponseError(
        `${label} answered ${status}, a redirect, which is not followed so that the token stays with ${this.options.baseUrl}`,
        response.status,
      );
    }
    if (!response.ok) {
      throw new PagerDutyResponseError(
        `${label} answered ${status}${errorDetail(text)}`,
        response.status,
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw new Error(
        `${label} answered malformed JSON: ${describeError(error)}`,
      );
    }
    if (!isRecord(body)) {
      let kind: string = typeof body;
      if (body === null) {
        kind = 'null';
      } else if (Array.isArray(body)) {
        kind = 'an array';
      }
      throw new Error(`${label} answered ${kind} instead of a JSON object`);
    }
    return { body };
  }
}
