export { catalogFacts, CATALOG_FACTS, CATALOG_SOURCE } from './catalogFacts';
export type { CatalogRelations } from './catalogFacts';
export { repositoryFacts } from './repositoryFacts';
export {
  REPOSITORY_FACTS,
  REPOSITORY_SOURCE,
} from './repositoryFactDefinitions';
export {
  GITHUB_FACTS,
  INTEGRATION_FACTS,
  PAGERDUTY_FACTS,
  PROMETHEUS_FACTS,
} from './integrationFacts';
export { BUILT_IN_FACTS } from './builtInFacts';
