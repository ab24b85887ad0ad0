import { ScorecardDefinition } from '../types';
import { productionReadinessScorecard } from './productionReadiness';

/**
 * The scorecards that Readiness evaluates when none are configured.
 *
 * @public
 */
export const defaultScorecards: readonly ScorecardDefinition[] = [
  productionReadinessScorecard,
];
