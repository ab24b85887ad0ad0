import {
  abortError,
  describeError,
  HttpAnswer,
  HttpAttemptFailure,
  HttpClient,
  HttpRequestError,
} from '@readiness/plugin-readiness-node';
import {
  errorOfBody,
  parseEnvelope,
  parseQueryData,
  parseRulesData,
  type PrometheusRule,
  type PrometheusSample,
} from './prometheusPayloads';

export type { PrometheusRule, PrometheusSample } from './prometheusPayloads';

/** @internal */
export interface PrometheusClientOptions {
  /** The server's URL, e.g. `https://prometheus.example.com/`. */
  baseUrl: string;
  /** Sent with every request; never logged. */
  headers?: Record<string, string>;
  /** Requests in flight at once, across all callers. Default 4. */
  concurrency?: number;
  /** How long one request may take. Default 10 seconds. */
  timeoutMs?: number;
  /** Retries after 429, 502, 503, 504 or a network error. Default 2. */
  retries?: number;
  /** The first wait before a retry without Retry-After; it doubles. */
  backoffMs?: number;
  /** The longest Retry-After honoured; a longer one fails at once. */
  maxRetryWaitMs?: number;
  /** A larger response body is refused, unread past this size. Default 16 MiB. */
  maxResponseBytes?: number;
  /** Rule groups asked for per page of `/api/v1/rules`. Default 500. */
  rulesPageSize?: number;
  /** Pages of `/api/v1/rules` read at most. Default 100. */
  maxRulePages?: number;
}

/** When a request must give up: an abort signal and a deadline. @internal */
export interface RequestOptions {
  signal?: AbortSignal;
  deadline?: Date;
}

const RETRYABLE_STATUSES = [429, 502, 503, 504];
const DEFAULT_CONCURRENCY = 4;
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_RETRIES = 2;
const DEFAULT_BACKOFF_MS = 500;
const DEFAULT_MAX_RETRY_WAIT_MS = 30_000;
const DEFAULT_RULES_PAGE_SIZE = 500;
const MS_PER_SECOND = 1000;
/**
 * Servers that ignore `group_limit` answer every rule at once, so the
 * default is larger than other collectors' 5 MiB.
 */
export const DEFAULT_PROMETHEUS_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
export const DEFAULT_MAX_RULE_PAGES = 100;

/**
 * The Prometheus HTTP API (`/api/v1/query`, `/api/v1/rules`) with what a
 * shared server needs from a well-behaved client: a limit on requests in
 * flight across all callers, a timeout per request, bounded retries with
 * exponential backoff, Retry-After honoured by every caller (a 429 pauses
 * all requests), a size limit on responses, and errors that name the API
 * path but never the headers, credentials or query string.
 *
 * @internal
 */
export class PrometheusClient {
  private readonly baseUrl: URL;
  private readonly headers: Record<string, string>;
  private readonly http: HttpClient;
  private readonly maxRetryWaitMs: number;
  private readonly rulesPageSize: number;
  private readonly maxRulePages: number;

  constructor(options: PrometheusClientOptions) {
    const url = new URL(options.baseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Error(`the Prometheus URL must be http or https`);
    }
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...options.headers,
    };
    // fetch refuses URLs with credentials: send them as basic auth instead.
    if (url.username || url.password) {
      const hasAuthorization = Object.keys(headers).some(
        name => name.toLowerCase() === 'authorization',
      );
      if (!hasAuthorization) {
        headers.authorization = `Basic ${Buffer.from(
          `${decodeURIComponent(url.username)}:${decodeURIComponent(
            url.password,
          )}`,
        ).toString('base64')}`;
      }
      url.username = '';
      url.password = '';
    }
    if (!url.pathname.endsWith('/')) {
      url.pathname += '/';
    }
    url.search = '';
    url.hash = '';
    this.baseUrl = url;
    this.headers = headers;
    this.maxRetryWaitMs = options.maxRetryWaitMs ?? DEFAULT_MAX_RETRY_WAIT_MS;
    this.http = new HttpClient({
      concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxResponseBytes:
        options.maxResponseBytes ?? DEFAULT_PROMETHEUS_MAX_RESPONSE_BYTES,
      retries: options.retries ?? DEFAULT_RETRIES,
      retryStatuses: RETRYABLE_STATUSES,
      retryNetworkErrors: true,
      backoff: {
        initialMs: options.backoffMs ?? DEFAULT_BACKOFF_MS,
        maxMs: this.maxRetryWaitMs,
      },
      maxRetryAfterMs: this.maxRetryWaitMs,
      redirect: 'follow',
    });
    this.rulesPageSize = options.rulesPageSize ?? DEFAULT_RULES_PAGE_SIZE;
    this.maxRulePages = options.maxRulePages ?? DEFAULT_MAX_RULE_PAGES;
  }

  /** The server's URL without credentials, to log. */
  get url(): string {
    return this.baseUrl.toString();
  }

  /** An instant query's samples (`GET /api/v1/query`). */
  async query(
    promql: string,
    options: RequestOptions = {},
  ): Promise<PrometheusSample[]> {
    return this.get(
      'api/v1/query',
      [['query', promql]],
      options,
      (data, what) => parseQueryData(data, what),
    );
  }

  /**
   * Every alerting (`alert`) or recording (`record`) rule
   * (`GET /api/v1/rules?type=…`), following `groupNextToken` pages where
   * the server pages (servers that do not ignore `group_limit`).
   */
  async rules(
    type: 'alert' | 'record',
    options: RequestOptions = {},
  ): Promise<PrometheusRule[]> {
    const wanted = type === 'alert' ? 'alerting' : 'recording';
    const rules: PrometheusRule[] = [];
    const tokens = new Set<string>();
    let token: string | undefined;
    for (let page = 1; ; page++) {
      const params: Array<[string, string]> = [
        ['type', type],
        ['exclude_alerts', 'true'],
        ['group_limit', String(this.rulesPageSize)],
      ];
      if (token) {
        params.push(['group_next_token', token]);
      }
      const result = await this.get(
        'api/v1/rules',
        params,
        options,
        (data, what) => {
          const parsed = parseRulesData(data, what);
          if (parsed.nextToken && tokens.has(parsed.nextToken)) {
            throw new Error(
              `${what} kept answering with more pages (${page} so far)`,
            );
          }
          if (parsed.nextToken && page >= this.maxRulePages) {
            throw new Error(
              `${what} has more than ${this.maxRulePages} pages of rules (readiness.prometheus.maxRulePages)`,
            );
          }
          return parsed;
        },
      );
      // Older servers ignore `type`: keep only the rules asked for.
      rules.push(...result.rules.filter(rule => rule.type === wanted));
      if (!result.nextToken) {
        return rules;
      }
      tokens.add(result.nextToken);
      token = result.nextToken;
    }
  }

  private async get<T>(
    path: string,
    params: Array<[string, string]>,
    options: RequestOptions,
    parse: (data: unknown, what: string) => T,
  ): Promise<T> {
    const url = new URL(path, this.baseUrl);
    for (const [name, value] of params) {
      url.searchParams.append(name, value);
    }
    // The path names the request; the query string may be long and the
    // headers secret, so neither is ever part of a message.
    const what = `Prometheus GET ${url.pathname}`;
    let answer: HttpAnswer;
    try {
      answer = await this.http.fetch(url, {
        headers: this.headers,
        signal: options.signal,
        deadline: options.deadline,
      });
    } catch (error) {
      throw this.explain(error, what, options);
    }
    if (answer.status >= 200 && answer.status <= 299) {
      const data = parseEnvelope(
        answer.text,
        what,
        answer.headers.get('content-type'),
      );
      return parse(data, what);
    }
    const problem = this.problemOf({ kind: 'status', answer }, what);
    if (answer.status === 401 || answer.status === 403) {
      throw new Error(
        `${problem}; check the credentials in readiness.prometheus.headers`,
      );
    }
    throw new Error(problem);
  }

  /** What went wrong with one attempt, naming the path only. */
  private problemOf(failure: HttpAttemptFailure, what: string): string {
    switch (failure.kind) {
      case 'status':
      case 'rate-limited': {
        const { status, statusText, text } = failure.answer;
        const detail = errorOfBody(text);
        return `${what} answered ${status} ${statusText}${
          detail ? `: ${detail}` : ''
        }`;
      }
      case 'timeout':
        return `${what} timed out after ${failure.timeoutMs} ms`;
      default:
        return `${what} failed: ${describeError(failure.cause)}`;
    }
  }

  /** The shared client's failure, in this collector's words. */
  private explain(error: unknown, what: string, options: RequestOptions) {
    if (!(error instanceof HttpRequestError)) {
      return error;
    }
    const problem =
      error.lastFailure && this.problemOf(error.lastFailure, what);
    const waitMs = Math.ceil(error.waitMs ?? 0);
    switch (error.reason) {
      case 'aborted':
        return new Error(
          `${what} was aborted: ${
            options.signal ? abortError(options.signal).message : 'aborted'
          }`,
        );
      case 'deadline':
        return new Error(
          error.timeoutMs === undefined
            ? `${what} was not sent: the deadline passed`
            : `${what} did not answer before the deadline (${error.timeoutMs} ms)`,
        );
      case 'timeout':
        return new Error(`${what} timed out after ${error.timeoutMs} ms`);
      case 'network':
        return new Error(`${what} failed: ${describeError(error.cause)}`);
      case 'too-large':
        return new Error(
          `${what} answered with more than ${error.maxBytes} bytes (readiness.prometheus.maxResponseBytes); the rest was not read; narrow the query or the rules`,
        );
      case 'rate-limited':
        return new Error(
          `${what} was not sent: the server asked to wait ${Math.ceil(
            error.until! - Date.now(),
          )} ms (Retry-After), past the deadline`,
        );
      case 'retries-exhausted':
        return new Error(
          `${problem} (gave up after ${error.attempts} attempt${
            error.attempts === 1 ? '' : 's'
          })`,
        );
      case 'retry-after-too-long':
        return new Error(
          `${problem}; it asks to retry after ${Math.ceil(
            waitMs / MS_PER_SECOND,
          )} s, longer than the ${Math.ceil(
            this.maxRetryWaitMs / MS_PER_SECOND,
          )} s this collector waits`,
        );
      default:
        return new Error(
          `${problem}; retrying after ${waitMs} ms would pass the deadline`,
        );
    }
  }
}
