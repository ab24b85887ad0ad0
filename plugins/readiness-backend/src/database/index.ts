export type {
  ReadinessStore,
  ResultToStore,
  StoredEntityResults,
} from './ReadinessStore';
export { DatabaseReadinessStore } from './DatabaseReadinessStore';
