/**
 * Extension points and types for backend modules that add fact collectors to
 * Readiness, and helpers for writing them.
 *
 * @packageDocumentation
 */

export * from './collectors';
export { checkCollectedFacts } from './checkCollectedFacts';
export { collectEach } from './collectEach';
export type { CollectEachOptions } from './collectEach';
export { ConcurrencyLimiter } from './ConcurrencyLimiter';
export { abortError, sleep } from './abort';
export { describeError, parseRetryAfter } from './http';
export { readBoundedInteger, readDurationMs } from './readConfig';
export type { ReadConfigOptions } from './readConfig';
