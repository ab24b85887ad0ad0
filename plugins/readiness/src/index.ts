/**
 * Readiness: production-readiness scorecards on Backstage entity pages, and
 * scorecard and leaderboard pages.
 *
 * @packageDocumentation
 */

export {
  readinessPlugin,
  EntityReadinessCard,
  EntityReadinessContent,
  EntityTeamReadinessCard,
  ReadinessHomeCard,
  ReadinessPage,
} from './plugin';
export { readinessApiRef, ReadinessClient } from './api';
export type { CampaignEntityQuery, ReadinessApi } from './api';
export {
  rootRouteRef,
  exemptionsRouteRef,
  campaignsRouteRef,
  campaignRouteRef,
  createFromTemplateRouteRef,
} from './routes';
export { ReadinessIcon } from './components/ReadinessIcon';
export { readinessTranslationRef } from './translation';
export type {
  CheckResult,
  CheckStatus,
  EntityReadiness,
  ScorecardResult,
} from '@readiness/plugin-readiness-common';
