import {
  abortError,
  ConcurrencyLimiter,
  describeError,
  parseRetryAfter,
  readResponseText,
  ResponseTooLargeError,
  sleep,
} from '@readiness/plugin-readiness-node';

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

/** One sample of an instant query; `NaN` and `±Infinity` are kept. @internal */
export interface PrometheusSample {
  labels: Record<string, string>;
  value: number;
}

/** An alerting or recording rule, as `/api/v1/rules` lists it. @internal */
export interface PrometheusRule {
  name: string;
  type: 'alerting' | 'recording';
  query: string;
  labels: Record<string, string>;
}

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
/**
 * Servers that ignore `group_limit` answer every rule at once, so the
 * default is larger than other collectors' 5 MiB.
 */
export const DEFAULT_PROMETHEUS_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
export const DEFAULT_MAX_RULE_PAGES = 100;

/** A failure that retrying cannot fix. */
class PermanentError extends Error {}

type Attempt<T> =
  | { done: true; value: T }
  | { done: false; problem: string; retryAfterMs?: number };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringMap(value: unknown): value is Record<string, string> {
  return (
    isRecord(value) && Object.values(value).every(v => typeof v === 'string')
  );
}

/** Prometheus writes sample values as strings, with `NaN`, `+Inf`, `-Inf`. */
function parseSampleValue(value: unknown): number | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  switch (value) {
    case '+Inf':
      return Infinity;
    case '-Inf':
      return -Infinity;
    case 'NaN':
      return NaN;
    default: {
      const number = value.trim() === '' ? NaN : Number(value);
      return Number.isNaN(number) ? undefined : number;
    }
  }
}

function parseSample(
  labels: unknown,
  pair: unknown,
  where: string,
): PrometheusSample {
  const value = Array.isArray(pair) ? parseSampleValue(pair[1]) : undefined;
  if (!Array.isArray(pair) || pair.length !== 2 || value === undefined) {
    throw new PermanentError(
      `${where} is not a [timestamp, "value"] pair: ${JSON.stringify(pair)}`,
    );
  }
  if (!isStringMap(labels)) {
    throw new PermanentError(`${where} has labels that are not strings`);
  }
  return { labels, value };
}

/** The samples of an instant query's `data`: a vector or a scalar. */
function parseQueryData(data: unknown, what: string): PrometheusSample[] {
  const malformed = (problem: string) =>
    new PermanentError(`${what} answered with a malformed payload: ${problem}`);
  if (!isRecord(data)) {
    throw malformed('"data" is not an object');
  }
  switch (data.resultType) {
    case 'vector':
      if (!Array.isArray(data.result)) {
        throw malformed('"data.result" is not a list');
      }
      return data.result.map((item: unknown, i) => {
        if (!isRecord(item)) {
          throw malformed(`data.result[${i}] is not an object`);
        }
        try {
          return parseSample(
            item.metric ?? {},
            item.value,
            `data.result[${i}].value`,
          );
        } catch (error) {
          throw malformed((error as Error).message);
        }
      });
    case 'scalar':
      try {
        return [parseSample({}, data.result, 'data.result')];
      } catch (error) {
        throw malformed((error as Error).message);
      }
    default:
      throw new PermanentError(
        `${what} answered with a result of type ${JSON.stringify(
          data.resultType,
        )}; the query must give an instant vector or a scalar`,
      );
  }
}

/** The rules of one page of `/api/v1/rules`, and the next page's token. */
function parseRulesData(
  data: unknown,
  what: string,
): { rules: PrometheusRule[]; nextToken?: string } {
  const malformed = (problem: string) =>
    new PermanentError(`${what} answered with a malformed payload: ${problem}`);
  if (!isRecord(data) || !Array.isArray(data.groups)) {
    throw malformed('"data.groups" is not a list');
  }
  const rules: PrometheusRule[] = [];
  data.groups.forEach((group: unknown, g) => {
    if (!isRecord(group) || !Array.isArray(group.rules)) {
      throw malformed(`data.groups[${g}].rules is not a list`);
    }
    group.rules.forEach((rule: unknown, r) => {
      const where = `data.groups[${g}].rules[${r}]`;
      if (!isRecord(rule)) {
        throw malformed(`${where} is not an object`);
      }
      const { name, type, query, labels } = rule;
      if (typeof name !== 'string' || typeof query !== 'string') {
        throw malformed(`${where} has no string "name" and "query"`);
      }
      if (type !== 'alerting' && type !== 'recording') {
        throw malformed(`${where}.type is ${JSON.stringify(type)}`);
      }
      if (labels !== undefined && labels !== null && !isStringMap(labels)) {
        throw malformed(`${where}.labels are not strings`);
      }
      rules.push({ name, type, query, labels: labels ?? {} });
    });
  });
  const token = data.groupNextToken;
  if (token !== undefined && token !== null && typeof token !== 'string') {
    throw malformed('"data.groupNextToken" is not a string');
  }
  return { rules, nextToken: token || undefined };
}

/** `errorType: error` from a Prometheus error body, if it is one. */
function errorOfBody(body: string): string | undefined {
  try {
    const json = JSON.parse(body);
    if (isRecord(json) && json.status === 'error') {
      return `${json.errorType ?? 'error'}: ${json.error ?? 'no message'}`;
    }
  } catch {
    // Not JSON: a proxy's page, say; its text is not worth repeating.
  }
  return undefined;
}

/** The `data` of a Prometheus response envelope, or why there is none. */
function parseEnvelope(
  body: string,
  what: string,
  contentType: string | null,
): unknown {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new PermanentError(
      `${what} answered with a body that is not JSON${
        contentType ? ` (${contentType})` : ''
      }`,
    );
  }
  if (!isRecord(json) || typeof json.status !== 'string') {
    throw new PermanentError(
      `${what} answered with a malformed payload: no "status"`,
    );
  }
  if (json.status === 'error') {
    throw new PermanentError(`${what} failed: ${errorOfBody(body)}`);
  }
  if (json.status !== 'success') {
    throw new PermanentError(
      `${what} answered with a malformed payload: status ${JSON.stringify(
        json.status,
      )}`,
    );
  }
  if (!('data' in json)) {
    throw new PermanentError(
      `${what} answered with a malformed payload: no "data"`,
    );
  }
  return json.data;
}

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
  private readonly limiter: ConcurrencyLimiter;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly maxRetryWaitMs: number;
  private readonly maxResponseBytes: number;
  private readonly rulesPageSize: number;
  private readonly maxRulePages: number;
  /** Until when a Retry-After asked every request to wait. */
  private pausedUntil = 0;

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
    this.limiter = new ConcurrencyLimiter(options.concurrency ?? 4);
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.retries = options.retries ?? 2;
    this.backoffMs = options.backoffMs ?? 500;
    this.maxRetryWaitMs = options.maxRetryWaitMs ?? 30_000;
    this.maxResponseBytes =
      options.maxResponseBytes ?? DEFAULT_PROMETHEUS_MAX_RESPONSE_BYTES;
    this.rulesPageSize = options.rulesPageSize ?? 500;
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
            throw new PermanentError(
              `${what} kept answering with more pages (${page} so far)`,
            );
          }
          if (parsed.nextToken && page >= this.maxRulePages) {
            throw new PermanentError(
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
    for (let attempt = 1; ; attempt++) {
      await this.waitWhilePaused(what, options);
      const outcome = await this.limiter.run(
        () => this.attempt(url, what, options, parse),
        options.signal,
      );
      if (outcome.done) {
        return outcome.value;
      }
      if (attempt > this.retries) {
        throw new Error(
          `${outcome.problem} (gave up after ${attempt} attempt${
            attempt === 1 ? '' : 's'
          })`,
        );
      }
      // Exponential backoff with jitter, unless the server said how long.
      const waitMs =
        outcome.retryAfterMs ??
        Math.min(
          this.backoffMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2),
          this.maxRetryWaitMs,
        );
      if (waitMs > this.maxRetryWaitMs) {
        throw new Error(
          `${outcome.problem}; it asks to retry after ${Math.ceil(
            waitMs / 1000,
          )} s, longer than the ${Math.ceil(
            this.maxRetryWaitMs / 1000,
          )} s this collector waits`,
        );
      }
      if (
        options.deadline &&
        Date.now() + waitMs >= options.deadline.getTime()
      ) {
        throw new Error(
          `${outcome.problem}; retrying after ${Math.ceil(
            waitMs,
          )} ms would pass the deadline`,
        );
      }
      if (outcome.retryAfterMs !== undefined) {
        this.pausedUntil = Math.max(this.pausedUntil, Date.now() + waitMs);
      }
      await sleep(waitMs, options.signal);
    }
  }

  /** Waits out a Retry-After that another request was given. */
  private async waitWhilePaused(
    what: string,
    options: RequestOptions,
  ): Promise<void> {
    const waitMs = this.pausedUntil - Date.now();
    if (waitMs <= 0) {
      return;
    }
    if (options.deadline && this.pausedUntil >= options.deadline.getTime()) {
      throw new Error(
        `${what} was not sent: the server asked to wait ${Math.ceil(
          waitMs,
        )} ms (Retry-After), past the deadline`,
      );
    }
    await sleep(waitMs, options.signal);
  }

  private async attempt<T>(
    url: URL,
    what: string,
    options: RequestOptions,
    parse: (data: unknown, what: string) => T,
  ): Promise<Attempt<T>> {
    const remainingMs = options.deadline
      ? options.deadline.getTime() - Date.now()
      : Infinity;
    if (remainingMs <= 0) {
      throw new Error(`${what} was not sent: the deadline passed`);
    }
    const timeoutMs = Math.min(this.timeoutMs, remainingMs);
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal
      ? AbortSignal.any([options.signal, timeout])
      : timeout;
    let response: Response;
    let body: string;
    try {
      response = await fetch(url, { headers: this.headers, signal });
      body = await readResponseText(response, this.maxResponseBytes);
    } catch (error) {
      if (error instanceof ResponseTooLargeError) {
        throw new PermanentError(
          `${what} answered with more than ${this.maxResponseBytes} bytes (readiness.prometheus.maxResponseBytes); the rest was not read; narrow the query or the rules`,
        );
      }
      if (options.signal?.aborted) {
        throw new Error(
          `${what} was aborted: ${abortError(options.signal).message}`,
        );
      }
      if (timeout.aborted) {
        throw new Error(
          timeoutMs < this.timeoutMs
            ? `${what} did not answer before the deadline (${Math.ceil(
                timeoutMs,
              )} ms)`
            : `${what} timed out after ${timeoutMs} ms`,
        );
      }
      return {
        done: false,
        problem: `${what} failed: ${describeError(error)}`,
      };
    }
    if (response.ok) {
      const data = parseEnvelope(
        body,
        what,
        response.headers.get('content-type'),
      );
      return { done: true, value: parse(data, what) };
    }
    const detail = errorOfBody(body);
    const problem = `${what} answered ${response.status} ${
      response.statusText
    }${detail ? `: ${detail}` : ''}`;
    if (RETRYABLE_STATUS.has(response.status)) {
      return {
        done: false,
        problem,
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
      };
    }
    if (response.status === 401 || response.status === 403) {
      throw new PermanentError(
        `${problem}; check the credentials in readiness.prometheus.headers`,
      );
    }
    throw new PermanentError(problem);
  }
}
