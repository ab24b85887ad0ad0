export { TeamReadinessView } from './TeamReadinessView';
