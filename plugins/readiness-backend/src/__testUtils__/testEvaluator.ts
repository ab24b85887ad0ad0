import { mockServices } from '@backstage/backend-test-utils';
import {
  CampaignDefinition,
  ScorecardDefinition,
} from '@readiness/plugin-readiness-common';
import { EntityEvaluator } from '../evaluation/EntityEvaluator';
import { CatalogRelationsResolver } from '../facts/CatalogRelationsResolver';
import { CollectorRunner } from '../facts/CollectorRunner';
import { ReadinessStores } from '../store';
import { registryWith } from './registryOf';

/** An entity without owner or system, whatever its spec says. */
const NO_RELATIONS = {
  resolve: async () => ({ owner: null, system: null }),
} as unknown as CatalogRelationsResolver;

/** No exemptions or attestations, for stores without them. */
const NO_OWNER_INPUT = { activeFor: async () => [] };

/**
 * An evaluator of these scorecards with catalog facts only: no collector,
 * and, unless given, no owner or system resolved.
 */
export function testEvaluator(options: {
  stores: Pick<ReadinessStores, 'resultWriter' | 'factsCache'> &
    Partial<Pick<ReadinessStores, 'ownerInput'>>;
  scorecards: ScorecardDefinition[];
  campaigns?: CampaignDefinition[];
  relations?: CatalogRelationsResolver;
  now?: () => Date;
}): EntityEvaluator {
  const { stores, scorecards, campaigns = [] } = options;
  const { relations = NO_RELATIONS, now } = options;
  return new EntityEvaluator({
    resultWriter: stores.resultWriter,
    scorecards: registryWith(scorecards, campaigns),
    facts: new CollectorRunner({
      relations,
      collectors: () => [],
      factsCache: stores.factsCache,
      logger: mockServices.logger.mock(),
      settings: { timeoutMs: 1000 },
    }),
    ownerInput: stores.ownerInput ?? NO_OWNER_INPUT,
    now,
  });
}
