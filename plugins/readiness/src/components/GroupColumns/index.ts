export { groupColumn, groupEntitiesColumn } from './groupColumns';
export type { GroupRow } from './groupColumns';
