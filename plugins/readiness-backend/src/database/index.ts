export type {
  CheckStatusCounts,
  EntityAttributes,
  GroupStanding,
  ReadinessStore,
  ResultFilter,
  ResultToStore,
  StoredEntityResults,
  StoredFacts,
} from './ReadinessStore';
export { DatabaseReadinessStore } from './DatabaseReadinessStore';
