// One definition for the whole suite, in common; still exported from here.
export { describeError } from '@readiness/plugin-readiness-common';
export { parseRetryAfter } from './retryAfter';
export {
  DEFAULT_MAX_RESPONSE_BYTES,
  readResponseText,
  ResponseTooLargeError,
} from '@readiness/plugin-readiness-common';
export { backoffDelayMs } from './backoff';
export type { BackoffOptions } from './backoff';
// isRateLimitAnswer, isRateLimitSpent and RateLimitGate stay internal.
export { rateLimitWaitMs } from './rateLimitHeaders';
export { HttpRequestError } from './HttpRequestError';
export type {
  HttpAnswer,
  HttpAttemptFailure,
  HttpRequestErrorDetails,
  HttpRequestErrorReason,
} from './HttpRequestError';
export { HttpClient } from './HttpClient';
export type {
  HttpClientOptions,
  HttpClientRequest,
  HttpRateLimitOptions,
} from './HttpClient';
export { readHttpClientSettings } from './readHttpClientSettings';
export type {
  HttpClientSettings,
  ReadHttpClientSettingsOptions,
} from './readHttpClientSettings';
