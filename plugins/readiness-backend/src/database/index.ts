export type { ReadinessStore, StoredEntityResults } from './ReadinessStore';
export { DatabaseReadinessStore } from './DatabaseReadinessStore';
