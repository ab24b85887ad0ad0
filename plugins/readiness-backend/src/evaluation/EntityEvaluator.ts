import { dayOf } from '@readiness/plugin-readiness-common';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  appliesToEntity,
  EntityReadiness,
  evaluateScorecard,
} from '@readiness/plugin-readiness-common';
import { EntityToStore, ResultToStore, ResultWriter } from '../store';
import {
  ActiveScorecard,
  ScorecardRegistry,
} from '../scorecards/ScorecardRegistry';
import { CollectorRunner } from '../facts/CollectorRunner';
import { entityAttributes } from './entityAttributes';
import { ownerInputByScorecard } from './ownerInputByScorecard';
import type { OwnerInputStore } from '../store/ownerInput/OwnerInputStore';

/** Where an entity's active exemptions and attestations come from. */
export type ActiveOwnerInput = Pick<OwnerInputStore, 'activeFor'>;

/** How long a check says that its exemption expired. */
const EXPIRED_EXEMPTIONS_SHOWN_MS = 30 * 24 * 60 * 60 * 1000;

function expiredSince(evaluatedAt: Date): string {
  return dayOf(new Date(evaluatedAt.getTime() - EXPIRED_EXEMPTIONS_SHOWN_MS));
}

/** One entity's results, ready to store. */
export interface EntityEvaluation {
  entity: EntityToStore;
  results: ResultToStore[];
}

/**
 * Evaluates one entity against every scorecard that applies to it and stores
 * the results; shared by on-demand reads and the scheduled catalog run.
 */
export class EntityEvaluator {
  private readonly resultWriter: ResultWriter;
  private readonly scorecards: ScorecardRegistry;
  private readonly facts: CollectorRunner;
  private readonly ownerInput: ActiveOwnerInput;
  private readonly now: () => Date;

  constructor(options: {
    resultWriter: ResultWriter;
    scorecards: ScorecardRegistry;
    facts: CollectorRunner;
    ownerInput: ActiveOwnerInput;
    /** The clock; tests set it. */
    now?: () => Date;
  }) {
    this.resultWriter = options.resultWriter;
    this.scorecards = options.scorecards;
    this.facts = options.facts;
    this.ownerInput = options.ownerInput;
    this.now = options.now ?? (() => new Date());
  }

  applicableScorecards(entity: Entity): ActiveScorecard[] {
    return this.scorecards
      .list()
      .filter(({ scorecard }) => appliesToEntity(scorecard.appliesTo, entity));
  }

  /**
   * The entity's results, computed and not yet stored. With `force`, facts
   * are collected anew however fresh they are.
   */
  async compute(
    entity: Entity,
    options: { force?: boolean } = {},
  ): Promise<EntityEvaluation> {
    const scorecards = this.applicableScorecards(entity);
    const evaluatedAt = this.now();
    const ref = stringifyEntityRef(entity);
    const [facts, ownerInput] =
      scorecards.length > 0
        ? await Promise.all([
            this.facts.collect(entity, evaluatedAt, options),
            this.ownerInput
              .activeFor(ref, { expiredSince: expiredSince(evaluatedAt) })
              .then(ownerInputByScorecard),
          ])
        : [{}, ownerInputByScorecard([])];
    return {
      entity: {
        ref,
        etag: entity.metadata.etag ?? null,
        attributes: entityAttributes(entity, facts),
      },
      results: scorecards.map(({ scorecard, version }) => ({
        result: evaluateScorecard(
          scorecard,
          entity,
          facts,
          evaluatedAt,
          ownerInput(scorecard.id),
          this.scorecards.campaignsOf(scorecard.id),
        ),
        scorecardVersion: version,
      })),
    };
  }

  /** Computes and stores the entity's results. */
  async evaluate(
    entity: Entity,
    options: { force?: boolean } = {},
  ): Promise<EntityReadiness> {
    const evaluation = await this.compute(entity, options);
    await this.resultWriter.replaceEntityResults(
      evaluation.entity,
      evaluation.results,
    );
    return readinessOf(evaluation);
  }
}

/** What the API answers for an evaluation. */
export function readinessOf(evaluation: EntityEvaluation): EntityReadiness {
  return {
    entityRef: evaluation.entity.ref,
    scorecards: evaluation.results.map(r => r.result),
  };
}
