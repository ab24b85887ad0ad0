/**
 * Readiness: production-readiness scorecards on Backstage entity pages.
 *
 * @packageDocumentation
 */

export { readinessPlugin, EntityReadinessCard } from './plugin';
export { readinessApiRef, ReadinessClient } from './api';
export type { ReadinessApi } from './api';
export { readinessTranslationRef } from './translation';
export type {
  CheckResult,
  CheckStatus,
  EntityReadiness,
  ScorecardResult,
} from '@readiness/plugin-readiness-common';
