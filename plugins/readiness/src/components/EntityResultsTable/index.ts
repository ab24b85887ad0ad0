export { EntityResultsTable } from './EntityResultsTable';
export type { EntityResultsQuery } from './EntityResultsTable';
