export { parseScorecardFile } from './parseScorecardFile';
export { formatScorecardProblem } from './problems';
export type { ScorecardProblem } from './problems';
export { DEFAULT_SCORECARD_LIMITS, MAX_ID_LENGTH } from './limits';
export type { ScorecardLimits } from './limits';
