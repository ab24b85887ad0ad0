export { TeamReadinessSummary } from './TeamReadinessSummary';
