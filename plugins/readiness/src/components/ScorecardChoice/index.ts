export { ScorecardChoice } from './ScorecardChoice';
