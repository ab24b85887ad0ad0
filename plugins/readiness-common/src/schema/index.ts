export { parseScorecardFile } from './parseScorecardFile';
export { checkCampaignReferences } from './checkCampaignReferences';
export { formatScorecardProblem } from './problems';
export type { DocumentPosition, ScorecardProblem } from './problems';
export type { ParsedCampaign } from './validateCampaign';
export { DEFAULT_SCORECARD_LIMITS, MAX_ID_LENGTH } from './limits';
export type { ScorecardLimits } from './limits';
