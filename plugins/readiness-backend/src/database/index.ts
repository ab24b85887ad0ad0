export type {
  EntityGroups,
  LeaderboardGrouping,
  LeaderboardRow,
  ReadinessStore,
  ResultToStore,
  ScorecardStanding,
  StoredEntityResults,
} from './ReadinessStore';
export { DatabaseReadinessStore } from './DatabaseReadinessStore';
