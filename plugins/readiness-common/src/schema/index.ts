export { parseScorecardFile } from './parseScorecardFile';
export { formatScorecardProblem } from './problems';
export type { ScorecardProblem } from './problems';
