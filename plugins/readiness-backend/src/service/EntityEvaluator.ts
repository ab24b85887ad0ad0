import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  appliesToEntity,
  EntityReadiness,
  evaluateScorecard,
  ScorecardDefinition,
} from '@readiness/plugin-readiness-common';
import { ReadinessStore } from '../database';
import { EntityFactsCollector } from './EntityFactsCollector';

/**
 * Evaluates one entity against every scorecard that applies to it and stores
 * the results; shared by on-demand reads and the scheduled catalog run.
 */
export class EntityEvaluator {
  constructor(
    private readonly store: ReadinessStore,
    private readonly scorecards: readonly ScorecardDefinition[],
    private readonly facts: EntityFactsCollector,
    private readonly now: () => Date = () => new Date(),
  ) {}

  applicableScorecards(entity: Entity): ScorecardDefinition[] {
    return this.scorecards.filter(scorecard =>
      appliesToEntity(scorecard.appliesTo, entity),
    );
  }

  async evaluate(entity: Entity): Promise<EntityReadiness> {
    const entityRef = stringifyEntityRef(entity);
    const scorecards = this.applicableScorecards(entity);
    const evaluatedAt = this.now();
    const facts =
      scorecards.length > 0
        ? await this.facts.collect(entity, evaluatedAt)
        : {};
    const results = scorecards.map(scorecard =>
      evaluateScorecard(scorecard, entity, facts, evaluatedAt),
    );
    await this.store.replaceEntityResults(
      { ref: entityRef, etag: entity.metadata.etag ?? null },
      results,
    );
    return { entityRef, scorecards: results };
  }
}
