export type {
  CheckStatusCounts,
  EntityAttributes,
  EntityToStore,
  GroupRanking,
  GroupStanding,
  ReadinessStore,
  ResultFilter,
  ResultPosition,
  ResultToStore,
  StoredEntityResults,
  StoredFacts,
  WriteOutcome,
} from './ReadinessStore';
export { DatabaseReadinessStore } from './DatabaseReadinessStore';
export { fromStoredResult } from './storedResult';
export { readPluginSecret } from './readPluginSecret';
export type { StoredResult } from './storedResult';
