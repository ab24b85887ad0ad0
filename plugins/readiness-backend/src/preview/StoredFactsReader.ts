import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { appliesToEntity, FactSet } from '@readiness/plugin-readiness-common';
import { FactCollector } from '@readiness/plugin-readiness-node';
import { FactsCache } from '../store';
import { collectorTarget } from '../facts/collectorTarget';
import { factsOf } from '../facts/CollectorRunner';
import type { PushedFacts } from '../pushedFacts/PushedFacts';

/**
 * The facts an evaluation would use, without collecting any: the catalog's
 * own, and the last facts each applicable collector stored about what the
 * entity points it at now, and the facts pipelines pushed. Facts never
 * collected, those about another target and those of collectors turned off
 * are left out, so conditions on them are unknown. Nothing is written.
 */
export class StoredFactsReader {
  constructor(
    private readonly options: {
      /**
       * The catalog's facts about the entity, and its owner and system as
       * the caller may see them.
       */
      catalogFacts: (
        entity: Entity,
        now: Date,
        credentials: BackstageCredentials,
      ) => Promise<FactSet>;
      collectors: () => FactCollector[];
      factsCache: Pick<FactsCache, 'getEntityFacts'>;
      /** Whether app-config lets the collector run; all do by default. */
      enabled?: (collectorId: string) => boolean;
      /** The facts pipelines pushed; none if absent. */
      pushedFacts?: Pick<PushedFacts, 'factsOf'>;
    },
  ) {}

  async read(
    entity: Entity,
    now: Date,
    credentials: BackstageCredentials,
  ): Promise<FactSet> {
    const { catalogFacts, collectors, factsCache, enabled, pushedFacts } =
      this.options;
    const applicable = collectors().filter(
      c => enabled?.(c.id) !== false && appliesToEntity(c.appliesTo, entity),
    );
    const [catalog, stored, pushed] = await Promise.all([
      catalogFacts(entity, now, credentials),
      applicable.length > 0
        ? factsCache.getEntityFacts(stringifyEntityRef(entity))
        : undefined,
      pushedFacts?.factsOf(stringifyEntityRef(entity)) ?? {},
    ]);
    const collected = applicable.flatMap(collector => {
      const observed = stored?.get(collector.id);
      // Facts about another repository or service say nothing of this one.
      return observed && observed.target === collectorTarget(collector, entity)
        ? [factsOf(collector, observed, 'gave no value when it last worked')]
        : [];
    });
    return Object.assign(catalog, pushed, ...collected);
  }
}
