/**
 * Extension points and types for backend modules that add fact collectors to
 * Readiness.
 *
 * @packageDocumentation
 */

export * from './collectors';
export { checkCollectedFacts } from './checkCollectedFacts';
