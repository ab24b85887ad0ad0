import { createHash } from 'node:crypto';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  appliesToEntity,
  EntityReadiness,
  evaluateScorecard,
  ScorecardDefinition,
} from '@readiness/plugin-readiness-common';
import { ReadinessStore } from '../database';
import { EntityFactsCollector } from './EntityFactsCollector';
import { entityGroups } from './entityGroups';

const versions = new WeakMap<ScorecardDefinition, string>();

/** A hash of the definition: equal for equal scorecards, across restarts. */
function versionOf(scorecard: ScorecardDefinition): string {
  let version = versions.get(scorecard);
  if (!version) {
    version = createHash('sha256')
      .update(JSON.stringify(scorecard))
      .digest('hex');
    versions.set(scorecard, version);
  }
  return version;
}

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
    const results = scorecards.map(scorecard => ({
      result: evaluateScorecard(scorecard, entity, facts, evaluatedAt),
      scorecardVersion: versionOf(scorecard),
    }));
    await this.store.replaceEntityResults(
      {
        ref: entityRef,
        etag: entity.metadata.etag ?? null,
        groups: entityGroups(entity, facts),
      },
      results,
    );
    return { entityRef, scorecards: results.map(r => r.result) };
  }
}
