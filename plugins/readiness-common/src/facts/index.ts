export { catalogFacts, CATALOG_FACTS, CATALOG_SOURCE } from './catalogFacts';
export type { CatalogRelations } from './catalogFacts';
export {
  repositoryFacts,
  REPOSITORY_FACTS,
  REPOSITORY_SOURCE,
} from './repositoryFacts';
