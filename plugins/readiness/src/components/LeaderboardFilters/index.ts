export { LeaderboardFilters } from './LeaderboardFilters';
export { leaderboardSelection } from './leaderboardSelection';
