import {
  appliesToEntity,
  CampaignDefinition,
  CATALOG_FACTS,
  CATALOG_SOURCE,
  catalogFacts,
  evaluateScorecard,
  FactSet,
  ScorecardDefinition,
  ScorecardResult,
} from '@readiness/plugin-readiness-common';
import { CatalogEntity } from '../catalog/loadCatalogFiles';
import {
  EntityIndex,
  resolveRelations,
  unresolvedReferences,
} from '../catalog/resolveRelations';
import { compareStrings } from '../files/walkDirectory';
import { OwnerInputLookup } from '../ownerInput/loadOwnerInput';

export interface EvaluationInput {
  /** The entities to evaluate. */
  entities: CatalogEntity[];
  /** Every loaded entity, for owners and systems. */
  index: EntityIndex;
  scorecards: ScorecardDefinition[];
  /** The campaigns of the scorecard files, of any scorecard. */
  campaigns?: CampaignDefinition[];
  /** Added to every entity's catalog facts. */
  repository: FactSet;
  now: Date;
  /** The active exemptions and attestations of an entity and scorecard. */
  ownerInput?: OwnerInputLookup;
}

/**
 * Evaluates every scorecard that applies to each entity, ordered by entity
 * ref and then scorecard id so that output is stable between runs.
 */
export function evaluateEntities(input: EvaluationInput): ScorecardResult[] {
  const results = input.entities.flatMap(({ entity, ref }) => {
    const applicable = input.scorecards.filter(scorecard =>
      appliesToEntity(scorecard.appliesTo, entity),
    );
    if (applicable.length === 0) {
      return [];
    }
    const facts: FactSet = {
      ...catalogFacts(entity, input.now, resolveRelations(entity, input.index)),
      ...input.repository,
    };
    // Facts that depend on an entity the files do not hold are unknown.
    const unresolved = unresolvedReferences(entity, input.index);
    if (unresolved.length > 0) {
      const reason = `${unresolved.join(
        ' and ',
      )} is not in the catalog files given (add the file that defines it)`;
      for (const { name } of CATALOG_FACTS) {
        facts[name] ??= { source: CATALOG_SOURCE, reason };
      }
    }
    return applicable.map(scorecard =>
      evaluateScorecard(
        scorecard,
        entity,
        facts,
        input.now,
        input.ownerInput?.(ref, scorecard.id),
        // The same list for every call: the engine compiles it once.
        input.campaigns,
      ),
    );
  });
  return results.sort(
    (a, b) =>
      compareStrings(a.entityRef, b.entityRef) ||
      compareStrings(a.scorecard.id, b.scorecard.id),
  );
}
