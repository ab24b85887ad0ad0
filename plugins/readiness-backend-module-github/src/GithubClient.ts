import type { LoggerService } from '@backstage/backend-plugin-api';
import type { GithubCredentialsProvider } from '@backstage/integration';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  assertSameOrigin,
  ConcurrencyLimiter,
  DEFAULT_MAX_RESPONSE_BYTES,
  describeError,
  encodePathSegment,
  parseRetryAfter,
  readResponseText,
  ResponseTooLargeError,
} from '@readiness/plugin-readiness-node';

/** A repository by owner and name, as in `github.com/project-slug`. @internal */
export interface GithubRepository {
  owner: string;
  name: string;
}

/** @internal */
export interface GithubClientOptions {
  /** The REST API root, e.g. `https://api.github.com`. */
  apiBaseUrl: string;
  /** The host whose integration gives the credentials, e.g. `github.com`. */
  host: string;
  /** Gives the `Authorization` header for a repository; never logged. */
  credentials: GithubCredentialsProvider;
  /** Requests in flight at once, across all callers. */
  concurrency: number;
  /** How long one request may take, in milliseconds. */
  timeoutMs: number;
  /** The most pages one list is read to; a longer list is an error. */
  maxPages: number;
  /** A larger response body is an error, unread past this size. */
  maxResponseBytes?: number;
}

/** Limits of one call: when to give up, where to log, what is not an error. @internal */
export interface GithubRequestOptions {
  /** Aborts the call, e.g. when the backend stops. */
  signal?: AbortSignal;
  /** No request is sent, and no rate limit waited for, past this time. */
  deadline: Date;
  logger?: LoggerService;
  /**
   * Statuses other than 2xx that are answers rather than errors, e.g. 404
   * for "Branch not protected". They are returned with GitHub's message.
   */
  accept?: number[];
}

/** An answer of the REST API. @internal */
export interface GithubReply {
  status: number;
  /** The parsed JSON body (for an accepted error status, if it had one). */
  body: unknown;
  /** GitHub's `message`, for an accepted error status. */
  message?: string;
}

/** Every item of a paginated list, or the accepted error status of its first page. @internal */
export interface GithubList {
  status: number;
  items: unknown[];
  message?: string;
}

interface RawResponse {
  status: number;
  statusText: string;
  headers: Headers;
  text: string;
}

/** How many times one request waits for a rate limit before giving up. */
const MAX_RATE_LIMIT_WAITS = 3;
/** GitHub's advice when a rate limit says nothing about when it ends. */
const UNSPECIFIED_RATE_LIMIT_WAIT_MS = 60_000;
const API_VERSION = '2022-11-28';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The target of `rel="next"` in a Link header, as GitHub paginates. */
export function nextPageUrl(link: string | null): string | undefined {
  if (!link) {
    return undefined;
  }
  for (const match of link.matchAll(/<([^>]*)>\s*;\s*rel="([^"]*)"/g)) {
    if (match[2].split(/\s+/).includes('next')) {
      return match[1];
    }
  }
  return undefined;
}

/**
 * A small client of GitHub's REST API for one host, shared by every
 * collection: it sends the documented headers and the integration's
 * credentials, keeps at most `concurrency` requests in flight, follows
 * `Link: rel="next"` pagination up to `maxPages`, bounds each request by
 * `timeoutMs` and the caller's deadline, and honours rate limits for all
 * callers at once. When GitHub answers 403 or 429 with
 * `x-ratelimit-remaining: 0` and `x-ratelimit-reset`, or with `retry-after`,
 * every request waits until then if that is before its deadline, and fails
 * naming the time otherwise.
 *
 * @internal
 */
export class GithubClient {
  private readonly apiBaseUrl: string;
  private readonly limiter: ConcurrencyLimiter;
  /** No request is sent before this time (milliseconds since the epoch). */
  private pausedUntil = 0;

  constructor(private readonly options: GithubClientOptions) {
    this.apiBaseUrl = options.apiBaseUrl.replace(/\/+$/, '');
    this.limiter = new ConcurrencyLimiter(options.concurrency);
  }

  /** When requests may go again, if a rate limit holds them now. */
  get rateLimitedUntil(): Date | undefined {
    return this.pausedUntil > Date.now()
      ? new Date(this.pausedUntil)
      : undefined;
  }

  /** GET `/repos/{owner}/{repo}{path}`; `path` may carry a query. */
  async get(
    repository: GithubRepository,
    path: string,
    options: GithubRequestOptions,
  ): Promise<GithubReply> {
    const url = this.repositoryUrl(repository, path);
    const headers = await this.headersFor(repository);
    const { reply } = await this.request(url, headers, options);
    return reply;
  }

  /**
   * Every item of a paginated list at `/repos/{owner}/{repo}{path}`:
   * `itemsOf` finds the items in a page's body, or returns undefined when
   * the body is not what GitHub documents.
   */
  async list(
    repository: GithubRepository,
    path: string,
    options: GithubRequestOptions,
    itemsOf: (body: unknown) => unknown[] | undefined,
  ): Promise<GithubList> {
    const first = this.repositoryUrl(repository, path);
    const headers = await this.headersFor(repository);
    const items: unknown[] = [];
    let url = first;
    for (let page = 1; ; page++) {
      const { reply, link } = await this.request(
        url,
        headers,
        page === 1 ? options : { ...options, accept: undefined },
      );
      if (reply.status < 200 || reply.status > 299) {
        return { status: reply.status, items: [], message: reply.message };
      }
      const pageItems = itemsOf(reply.body);
      if (!pageItems) {
        throw new Error(
          `GitHub answered GET ${this.describe(
            url,
          )} with a payload that is not the documented list`,
        );
      }
      items.push(...pageItems);
      const next = nextPageUrl(link);
      if (!next) {
        return { status: reply.status, items };
      }
      if (page >= this.options.maxPages) {
        throw new Error(
          `GET ${this.describe(first)} has more than ${
            this.options.maxPages
          } pages (readiness.github.maxPages)`,
        );
      }
      url = this.checkNextPage(next, url);
    }
  }

  /**
   * The URL of a repository's endpoint: owner and name each stay one path
   * segment, and the result stays on the API's origin, whatever they hold.
   */
  private repositoryUrl(repository: GithubRepository, path: string): string {
    const url = `${this.apiBaseUrl}/repos/${encodePathSegment(
      repository.owner,
      'the repository owner',
    )}/${encodePathSegment(repository.name, 'the repository name')}${path}`;
    assertSameOrigin(url, this.apiBaseUrl);
    return url;
  }

  /** The URL relative to the API root, for messages (it holds no secret). */
  private describe(url: string): string {
    return url.startsWith(this.apiBaseUrl)
      ? url.slice(this.apiBaseUrl.length) || '/'
      : url;
  }

  /** Credentials go only to the API's own origin. */
  private checkNextPage(next: string, current: string): string {
    let resolved: URL;
    try {
      resolved = new URL(next, current);
    } catch {
      throw new Error(
        `GitHub answered GET ${this.describe(
          current,
        )} with a next page that is not a URL`,
      );
    }
    if (resolved.origin !== new URL(this.apiBaseUrl).origin) {
      throw new Error(
        `GitHub answered GET ${this.describe(current)} with a next page on ${
          resolved.origin
        }, outside the API at ${new URL(this.apiBaseUrl).origin}`,
      );
    }
    return resolved.toString();
  }

  private async headersFor(
    repository: GithubRepository,
  ): Promise<Record<string, string>> {
    const url = `https://${this.options.host}/${repository.owner}/${repository.name}`;
    let credentialHeaders: Record<string, string> | undefined;
    try {
      ({ headers: credentialHeaders } =
        await this.options.credentials.getCredentials({ url }));
    } catch (error) {
      throw new Error(
        `Could not get GitHub credentials for ${this.options.host}/${
          repository.owner
        }/${repository.name}: ${errorMessage(error)}`,
      );
    }
    return {
      Accept: 'application/vnd.github+json',
      'X-GitHub-Api-Version': API_VERSION,
      'User-Agent': 'backstage-readiness',
      ...credentialHeaders,
    };
  }

  private async request(
    url: string,
    headers: Record<string, string>,
    options: GithubRequestOptions,
  ): Promise<{ reply: GithubReply; link: string | null }> {
    for (let waits = 0; ; waits++) {
      await this.waitForRateLimit(url, options);
      const response = await this.limiter
        .run(() => this.fetchOnce(url, headers, options), options.signal)
        .catch(error => {
          if (options.signal?.aborted && error === options.signal.reason) {
            throw new Error(`GET ${this.describe(url)} was cancelled`);
          }
          throw error;
        });
      const limitedUntil = this.rateLimitEnd(response);
      if (limitedUntil === undefined) {
        this.noteSpentLimit(response);
        return {
          reply: this.reply(url, response, options),
          link: response.headers.get('link'),
        };
      }
      this.pausedUntil = Math.max(this.pausedUntil, limitedUntil);
      if (waits >= MAX_RATE_LIMIT_WAITS) {
        throw new Error(
          `GitHub rate limited until ${new Date(
            limitedUntil,
          ).toISOString()}: GET ${this.describe(
            url,
          )} was still refused after ${MAX_RATE_LIMIT_WAITS} waits`,
        );
      }
    }
  }

  private async waitForRateLimit(
    url: string,
    options: GithubRequestOptions,
  ): Promise<void> {
    const until = this.pausedUntil;
    const now = Date.now();
    if (until <= now) {
      return;
    }
    if (until > options.deadline.getTime()) {
      throw new Error(
        `GitHub rate limited until ${new Date(
          until,
        ).toISOString()}, after this run's deadline (${options.deadline.toISOString()}); GET ${this.describe(
          url,
        )} was not sent`,
      );
    }
    options.logger?.info(
      `GitHub rate limit reached; waiting until ${new Date(
        until,
      ).toISOString()} before GET ${this.describe(url)}`,
    );
    try {
      await sleep(until - now, undefined, { signal: options.signal });
    } catch {
      throw new Error(
        `GET ${this.describe(
          url,
        )} was cancelled while waiting for the rate limit`,
      );
    }
  }

  /** When a rate-limit answer says requests may go again; undefined if it is none. */
  private rateLimitEnd(response: RawResponse): number | undefined {
    if (response.status !== 403 && response.status !== 429) {
      return undefined;
    }
    const now = Date.now();
    const retryAfter = parseRetryAfter(
      response.headers.get('retry-after'),
      now,
    );
    if (retryAfter !== undefined) {
      return now + retryAfter;
    }
    if (response.headers.get('x-ratelimit-remaining') === '0') {
      const reset = Number(response.headers.get('x-ratelimit-reset'));
      return reset > 0 ? reset * 1000 : now + UNSPECIFIED_RATE_LIMIT_WAIT_MS;
    }
    if (
      response.status === 429 ||
      /rate limit/i.test(this.messageOf(response.text) ?? '')
    ) {
      return now + UNSPECIFIED_RATE_LIMIT_WAIT_MS;
    }
    return undefined;
  }

  /** A success that spent the last request of the window holds the rest back. */
  private noteSpentLimit(response: RawResponse): void {
    if (response.headers.get('x-ratelimit-remaining') !== '0') {
      return;
    }
    const reset = Number(response.headers.get('x-ratelimit-reset'));
    if (reset > 0) {
      this.pausedUntil = Math.max(this.pausedUntil, reset * 1000);
    }
  }

  private messageOf(text: string): string | undefined {
    try {
      const body: unknown = JSON.parse(text);
      return isRecord(body) && typeof body.message === 'string'
        ? body.message.slice(0, 300)
        : undefined;
    } catch {
      return undefined;
    }
  }

  private async fetchOnce(
    url: string,
    headers: Record<string, string>,
    options: GithubRequestOptions,
  ): Promise<RawResponse> {
    const left = options.deadline.getTime() - Date.now();
    if (left <= 0) {
      throw new Error(
        `The deadline passed before GET ${this.describe(url)} was sent`,
      );
    }
    const timeoutMs = Math.min(this.options.timeoutMs, left);
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal
      ? AbortSignal.any([options.signal, timeout])
      : timeout;
    try {
      const response = await fetch(url, { headers, signal });
      const text = await readResponseText(
        response,
        this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      );
      return {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
        text,
      };
    } catch (error) {
      if (error instanceof ResponseTooLargeError) {
        throw new Error(
          `GitHub answered GET ${this.describe(url)} with more than ${
            error.maxBytes
          } bytes (readiness.github.maxResponseBytes); the rest was not read`,
        );
      }
      if (timeout.aborted) {
        throw new Error(
          `GitHub did not answer GET ${this.describe(
            url,
          )} within ${timeoutMs} ms`,
        );
      }
      if (options.signal?.aborted) {
        throw new Error(`GET ${this.describe(url)} was cancelled`);
      }
      throw new Error(
        `Could not reach GitHub for GET ${this.describe(url)}: ${describeError(
          error,
        )}`,
      );
    }
  }

  private reply(
    url: string,
    response: RawResponse,
    options: GithubRequestOptions,
  ): GithubReply {
    const ok = response.status >= 200 && response.status <= 299;
    if (ok) {
      try {
        return { status: response.status, body: JSON.parse(response.text) };
      } catch (error) {
        throw new Error(
          `GitHub answered GET ${this.describe(
            url,
          )} with malformed JSON: ${errorMessage(error)}`,
        );
      }
    }
    const message = this.messageOf(response.text);
    if (options.accept?.includes(response.status)) {
      let body: unknown;
      try {
        body = JSON.parse(response.text);
      } catch {
        body = undefined;
      }
      return { status: response.status, body, message };
    }
    throw new Error(
      `GitHub answered ${response.status}${
        response.statusText ? ` ${response.statusText}` : ''
      } to GET ${this.describe(url)}${message ? `: ${message}` : ''}`,
    );
  }
}
