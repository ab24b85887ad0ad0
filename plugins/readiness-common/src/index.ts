/**
 * Types, the evaluation engine and the built-in scorecards of Readiness,
 * shared by the frontend, the backend and the CLI.
 *
 * @packageDocumentation
 */

export * from './types';
export { evaluateScorecard, appliesToEntity } from './engine';
export { catalogFacts } from './facts';
export { defaultScorecards } from './scorecards';
