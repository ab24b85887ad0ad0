import { mockServices } from '@backstage/backend-test-utils';
import { ScorecardDefinition } from '@readiness/plugin-readiness-common';
import { EntityEvaluator } from '../evaluation/EntityEvaluator';
import { CatalogRelationsResolver } from '../facts/CatalogRelationsResolver';
import { CollectorRunner } from '../facts/CollectorRunner';
import { ReadinessStore } from '../store';
import { registryOf } from './registryOf';

/** An entity without owner or system, whatever its spec says. */
const NO_RELATIONS = {
  resolve: async () => ({ owner: null, system: null }),
} as unknown as CatalogRelationsResolver;

/**
 * An evaluator of these scorecards with catalog facts only: no collector,
 * and, unless given, no owner or system resolved.
 */
export function testEvaluator(options: {
  store: ReadinessStore;
  scorecards: ScorecardDefinition[];
  relations?: CatalogRelationsResolver;
  now?: () => Date;
}): EntityEvaluator {
  const { store, scorecards, relations = NO_RELATIONS, now } = options;
  return new EntityEvaluator({
    store,
    scorecards: registryOf(...scorecards),
    facts: new CollectorRunner({
      relations,
      collectors: () => [],
      store,
      logger: mockServices.logger.mock(),
      settings: { timeoutMs: 1000 },
    }),
    now,
  });
}
