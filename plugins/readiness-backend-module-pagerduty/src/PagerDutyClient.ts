import type { LoggerService } from '@backstage/backend-plugin-api';
import { isRecord } from '@readiness/plugin-readiness-common';
import {
  assertSameOrigin,
  describeError,
  HttpAnswer,
  HttpClient,
  HttpRequestError,
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
const TOO_MANY_REQUESTS = 429;
const ACCEPT = 'application/vnd.pagerduty+json;version=2';

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
  private readonly http: HttpClient;

  constructor(
    private readonly options: PagerDutyClientOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.http = new HttpClient({
      concurrency: options.concurrency,
      timeoutMs: options.timeoutMs,
      maxResponseBytes: options.maxResponseBytes,
      retries: MAX_RATE_LIMITED_ATTEMPTS - 1,
      rateLimit: {
        // PagerDuty sends rate-limit headers with every answer: only a 429
        // is a rate limit, a 403 is a refusal.
        isRateLimited: answer => answer.status === TOO_MANY_REQUESTS,
        defaultWaitMs: DEFAULT_RATE_LIMIT_WAIT_MS,
      },
      now,
    });
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
    let answer: HttpAnswer;
    try {
      answer = await this.http.fetch(url, {
        headers: {
          Accept: ACCEPT,
          Authorization: `Token token=${this.options.token}`,
        },
        signal: context.signal,
        deadline: context.deadline,
        onRateLimitWait: until =>
          context.logger?.debug(
            `PagerDuty rate limited until ${until.toISOString()}; ${label} waits ${Math.ceil(
              until.getTime() - this.now(),
            )} ms`,
          ),
      });
    } catch (error) {
      throw this.explain(error, label, context);
    }
    return this.bodyOf(answer, label);
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

  /** The shared client's failure, in PagerDuty's words and with the path. */
  private explain(
    error: unknown,
    label: string,
    context: PagerDutyRequestContext,
  ): unknown {
    if (!(error instanceof HttpRequestError)) {
      return error;
    }
    switch (error.reason) {
      case 'aborted':
        return this.stopped(label, context);
      case 'deadline':
        return this.stopped(label, context, true);
      case 'timeout':
        return new Error(`${label} timed out after ${error.timeoutMs} ms`);
      case 'too-large':
        return new Error(
          `${label} answered more than ${error.maxBytes} bytes (readiness.pagerduty.maxResponseBytes); the rest was not read`,
        );
      case 'rate-limited':
      case 'retry-past-deadline':
        return new Error(
          `PagerDuty rate limited until ${new Date(
            error.until!,
          ).toISOString()}, after the deadline of this collection`,
        );
      case 'retries-exhausted':
        return new Error(
          `${label} answered 429 Too Many Requests ${error.attempts} times in a row`,
        );
      default:
        return new Error(`${label} failed: ${describeError(error.cause)}`);
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

  /** The JSON object of an answer; any other answer is an error. */
  private bodyOf(response: HttpAnswer, label: string): Record<string, unknown> {
    const text = response.text;
    const status = `${response.status} ${response.statusText}`.trim();
    if (response.status >= 300 && response.status < 400) {
      throw new PagerDutyResponseError(
        `${label} answered ${status}, a redirect, which is not followed so that the token stays with ${this.options.baseUrl}`,
        response.status,
      );
    }
    if (response.status < 200 || response.status > 299) {
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
    return body;
  }
}
