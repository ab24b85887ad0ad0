export type {
  CheckStatusCounts,
  EntityAttributes,
  EntityToStore,
  GroupRanking,
  GroupStanding,
  ReadinessStore,
  ResultFilter,
  ResultToStore,
  StoredEntityResults,
  StoredFacts,
} from './ReadinessStore';
export { DatabaseReadinessStore } from './DatabaseReadinessStore';
export { fromStoredResult } from './storedResult';
export type { StoredResult } from './storedResult';
