export { ScorecardProblems } from './ScorecardProblems';
