/**
 * Types, facts, the scorecard parser and the evaluation engine of Readiness,
 * shared by the frontend, the backend and the CLI.
 *
 * @packageDocumentation
 */

export * from './types';
export type * from './results';
export type * from './history';
export type * from './api';
export type * from './ownerInput';
export type * from './campaigns';
export type * from './teams';
export type * from './badges';
export * from './events';
export { NO_GROUP } from './api';
export { describeError } from './describeError';
export {
  addDays,
  dayOf,
  daysBetween,
  endOfUtcDay,
  isCalendarDay,
} from './calendarDays';
export { campaignPhase } from './campaignPhase';
export { conditionAttestations } from './conditionAttestations';
export { isRecord } from './isRecord';
export { truncateText } from './truncateText';
export { evaluateScorecard, appliesToEntity, RESULT_LIMITS } from './engine';
export { catalogFacts } from './facts';
export { compileLinearRegex } from './engine/compileLinearRegex';
export type { LinearRegexLimits } from './engine/compileLinearRegex';
export { MatchLimitError } from './engine/matchBudget';
export type { LinearRegex } from './engine/linearRegex';
export {
  checkCampaignReferences,
  DEFAULT_SCORECARD_LIMITS,
  formatScorecardProblem,
  MAX_ID_LENGTH,
  parseScorecardFile,
} from './schema';
// "Did you mean …?" for unknown names, shared by the backend, its actions
// and the Scaffolder module.
export { closestMatch, hint } from './schema/didYouMean';
// Open checks in the order that reaches the next level, and levels by id
// or title, shared by the backend's actions and the Scaffolder module.
export { findLevel, orderOpenChecks } from './nextLevelChecks';
export type { OpenCheckFields } from './nextLevelChecks';
export { DRAFT_PATH_LIMITS } from './draftPathLimits';
export type { DraftPathLimits } from './draftPathLimits';
export type {
  DocumentPosition,
  ParsedCampaign,
  ScorecardLimits,
  ScorecardProblem,
} from './schema';
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
  READINESS_SCORECARD_RESOURCE_TYPE,
  readinessBadgeRevokePermission,
  readinessEntityRefreshPermission,
  readinessExemptionApprovePermission,
  readinessExemptionRequestPermission,
  readinessFactsPushPermission,
  readinessPermissions,
  readinessScorecardPreviewPermission,
} from './permissions';
export {
  DEFAULT_MAX_RESPONSE_BYTES,
  readResponseText,
  ResponseTooLargeError,
} from './readResponseText';
