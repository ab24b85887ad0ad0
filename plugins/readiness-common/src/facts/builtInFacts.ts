import { FactDefinition } from '../types';
import { CATALOG_FACTS } from './catalogFacts';
import { INTEGRATION_FACTS } from './integrationFacts';
import { REPOSITORY_FACTS } from './repositoryFactDefinitions';

/**
 * Every fact Readiness itself declares: the catalog's, the repository's and
 * the integrations'. Scorecards may name any of them, whatever is installed;
 * what is not collected makes a check unknown, never a pass or a fail.
 *
 * @public
 */
export const BUILT_IN_FACTS: FactDefinition[] = [
  ...CATALOG_FACTS,
  ...REPOSITORY_FACTS,
  ...INTEGRATION_FACTS,
];
