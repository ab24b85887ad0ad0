export { ScorecardListPage } from './ScorecardListPage';
