export { ScorecardScore } from './ScorecardScore';
