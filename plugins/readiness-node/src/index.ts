/**
 * Extension points and types for backend modules that add fact collectors to
 * Readiness, and helpers for writing them.
 *
 * @packageDocumentation
 */

export * from './collectors';
export { checkCollectedFacts } from './checkCollectedFacts';
export { collectEach } from './collectEach';
export { CollectorError, publicMessageOf } from './CollectorError';
export type { CollectEachOptions } from './collectEach';
export { PerEntityFactCollector } from './PerEntityFactCollector';
export { ConcurrencyLimiter } from './ConcurrencyLimiter';
export { abortError, sleep } from './abort';
export {
  backoffDelayMs,
  DEFAULT_MAX_RESPONSE_BYTES,
  describeError,
  HttpClient,
  HttpRequestError,
  parseRetryAfter,
  rateLimitWaitMs,
  readHttpClientSettings,
  readResponseText,
  ResponseTooLargeError,
} from './http';
export type {
  BackoffOptions,
  HttpAnswer,
  HttpAttemptFailure,
  HttpClientOptions,
  HttpClientRequest,
  HttpClientSettings,
  HttpRateLimitOptions,
  HttpRequestErrorDetails,
  HttpRequestErrorReason,
  ReadHttpClientSettingsOptions,
} from './http';
export {
  assertSameOrigin,
  encodePathSegment,
  UnsafeUrlValueError,
} from './entityUrls';
export { readBoundedInteger, readDurationMs } from './readConfig';
export type { ReadConfigOptions } from './readConfig';
