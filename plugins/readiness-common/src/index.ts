/**
 * Types, facts, the scorecard parser and the evaluation engine of Readiness,
 * shared by the frontend, the backend and the CLI.
 *
 * @packageDocumentation
 */

export * from './types';
export type * from './api';
export { NO_GROUP } from './api';
export { evaluateScorecard, appliesToEntity } from './engine';
export { catalogFacts } from './facts';
export { parseScorecardFile, formatScorecardProblem } from './schema';
export type { ScorecardProblem } from './schema';
export {
  BUILT_IN_FACTS,
  CATALOG_FACTS,
  CATALOG_SOURCE,
  GITHUB_FACTS,
  INTEGRATION_FACTS,
  PAGERDUTY_FACTS,
  PROMETHEUS_FACTS,
  repositoryFacts,
  REPOSITORY_FACTS,
} from './facts';
export type { CatalogRelations } from './facts';
export {
  readinessEntityRefreshPermission,
  readinessPermissions,
  readinessScorecardPreviewPermission,
} from './permissions';
