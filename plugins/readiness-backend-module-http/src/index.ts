/**
 * A Readiness fact collector for any JSON API, configured without code in
 * `readiness.http.collectors`: URL templates filled from entity fields,
 * headers, JSONPath expressions mapping the response to typed facts,
 * timeouts, retries with backoff, rate limits and pagination.
 *
 * @packageDocumentation
 */

export { readinessModuleHttp as default } from './module';
