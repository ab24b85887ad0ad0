export type {
  ReadinessStore,
  ResultToStore,
  ScorecardStanding,
  StoredEntityResults,
} from './ReadinessStore';
export { DatabaseReadinessStore } from './DatabaseReadinessStore';
