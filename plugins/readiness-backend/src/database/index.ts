export type {
  EntityGroups,
  LeaderboardGrouping,
  LeaderboardRow,
  ReadinessStore,
  ResultFilter,
  ResultSummary,
  ResultToStore,
  ScorecardStanding,
  StoredEntityResults,
} from './ReadinessStore';
export { DatabaseReadinessStore } from './DatabaseReadinessStore';
