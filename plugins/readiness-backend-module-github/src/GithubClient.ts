import type { LoggerService } from '@backstage/backend-plugin-api';
import type { GithubCredentialsProvider } from '@backstage/integration';
import { isRecord } from '@readiness/plugin-readiness-common';
import {
  assertSameOrigin,
  describeError,
  encodePathSegment,
  HttpAnswer,
  HttpClient,
  HttpRequestError,
} from '@readiness/plugin-readiness-node';
import { nextPageUrl } from './nextPageUrl';

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

/** How many times one request waits for a rate limit before giving up. */
const MAX_RATE_LIMIT_WAITS = 3;
/** GitHub's advice when a rate limit says nothing about when it ends. */
const UNSPECIFIED_RATE_LIMIT_WAIT_MS = 60_000;
const API_VERSION = '2022-11-28';

/**
 * A small client of GitHub's REST API for one host, shared by every
 * collection: it sends the documented headers and the integration's
 * credentials, keeps at most `concurrency` requests in flight, follows
 * `Link: rel="next"` pagination up to `maxPages`, bounds each request by
 * `timeoutMs` and the caller's deadline, and honours rate limits for all
 * callers at once, through the shared `HttpClient`. When GitHub answers 403
 * or 429 with `x-ratelimit-remaining: 0` and `x-ratelimit-reset`, or with
 * `retry-after`, every request waits until then if that is before its
 * deadline, and fails naming the time otherwise.
 *
 * @internal
 */
export class GithubClient {
  private readonly apiBaseUrl: string;
  private readonly http: HttpClient;

  constructor(private readonly options: GithubClientOptions) {
    this.apiBaseUrl = options.apiBaseUrl.replace(/\/+$/, '');
    this.http = new HttpClient({
      concurrency: options.concurrency,
      timeoutMs: options.timeoutMs,
      maxResponseBytes: options.maxResponseBytes,
      retries: MAX_RATE_LIMIT_WAITS,
      rateLimit: { defaultWaitMs: UNSPECIFIED_RATE_LIMIT_WAIT_MS },
      // GitHub redirects renamed repositories; fetch drops the credentials
      // of a redirect to another origin.
      redirect: 'follow',
    });
  }

  /** When requests may go again, if a rate limit holds them now. */
  get rateLimitedUntil(): Date | undefined {
    return this.http.rateLimitedUntil;
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
        }/${repository.name}: ${
          // The provider's own words, not its cause's: they name what failed.
          error instanceof Error ? error.message : String(error)
        }`,
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
    let answer: HttpAnswer;
    try {
      answer = await this.http.fetch(url, {
        headers,
        signal: options.signal,
        deadline: options.deadline,
        onRateLimitWait: until =>
          options.logger?.info(
            `GitHub rate limit reached; waiting until ${until.toISOString()} before GET ${this.describe(
              url,
            )}`,
          ),
      });
    } catch (error) {
      throw this.explain(error, url, options);
    }
    return {
      reply: this.reply(url, answer, options),
      link: answer.headers.get('link'),
    };
  }

  /** The shared client's failure, in GitHub's words and with the path. */
  private explain(
    error: unknown,
    url: string,
    options: GithubRequestOptions,
  ): unknown {
    if (!(error instanceof HttpRequestError)) {
      return error;
    }
    const get = `GET ${this.describe(url)}`;
    const until = error.until && new Date(error.until).toISOString();
    switch (error.reason) {
      case 'aborted':
        return new Error(
          error.phase === 'rate-limit'
            ? `${get} was cancelled while waiting for the rate limit`
            : `${get} was cancelled`,
        );
      case 'deadline':
        return new Error(
          error.timeoutMs === undefined
            ? `The deadline passed before ${get} was sent`
            : `GitHub did not answer ${get} within ${error.timeoutMs} ms`,
        );
      case 'timeout':
        return new Error(
          `GitHub did not answer ${get} within ${error.timeoutMs} ms`,
        );
      case 'too-large':
        return new Error(
          `GitHub answered ${get} with more than ${error.maxBytes} bytes (readiness.github.maxResponseBytes); the rest was not read`,
        );
      case 'rate-limited':
      case 'retry-past-deadline':
        return new Error(
          `GitHub rate limited until ${until}, after this run's deadline (${options.deadline.toISOString()}); ${get} was not sent`,
        );
      case 'retries-exhausted':
        return new Error(
          `GitHub rate limited until ${until}: ${get} was still refused after ${MAX_RATE_LIMIT_WAITS} waits`,
        );
      default:
        return new Error(
          `Could not reach GitHub for ${get}: ${describeError(error.cause)}`,
        );
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

  private reply(
    url: string,
    response: HttpAnswer,
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
          )} with malformed JSON: ${describeError(error)}`,
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
