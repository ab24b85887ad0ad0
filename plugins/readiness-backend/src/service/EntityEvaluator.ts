import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  appliesToEntity,
  EntityReadiness,
  evaluateScorecard,
} from '@readiness/plugin-readiness-common';
import { ReadinessStore } from '../database';
import {
  ActiveScorecard,
  ScorecardRegistry,
} from '../scorecards/ScorecardRegistry';
import { EntityFactsCollector } from './EntityFactsCollector';
import { entityAttributes } from './entityAttributes';

/**
 * Evaluates one entity against every scorecard that applies to it and stores
 * the results; shared by on-demand reads and the scheduled catalog run.
 */
export class EntityEvaluator {
  constructor(
    private readonly store: ReadinessStore,
    private readonly scorecards: ScorecardRegistry,
    private readonly facts: EntityFactsCollector,
    private readonly now: () => Date = () => new Date(),
  ) {}

  applicableScorecards(entity: Entity): ActiveScorecard[] {
    return this.scorecards
      .list()
      .filter(({ scorecard }) => appliesToEntity(scorecard.appliesTo, entity));
  }

  /** With `force`, facts are collected anew however fresh they are. */
  async evaluate(
    entity: Entity,
    options: { force?: boolean } = {},
  ): Promise<EntityReadiness> {
    const entityRef = stringifyEntityRef(entity);
    const scorecards = this.applicableScorecards(entity);
    const evaluatedAt = this.now();
    const facts =
      scorecards.length > 0
        ? await this.facts.collect(entity, evaluatedAt, options)
        : {};
    const results = scorecards.map(({ scorecard, version }) => ({
      result: evaluateScorecard(scorecard, entity, facts, evaluatedAt),
      scorecardVersion: version,
    }));
    await this.store.replaceEntityResults(
      {
        ref: entityRef,
        etag: entity.metadata.etag ?? null,
        attributes: entityAttributes(entity, facts),
      },
      results,
    );
    return { entityRef, scorecards: results.map(r => r.result) };
  }
}
