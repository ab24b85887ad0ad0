import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  appliesToEntity,
  evaluateScorecard,
  FactDefinition,
  formatScorecardProblem,
  parseScorecardFile,
  readinessScorecardPreviewPermission,
  ScorecardDefinition,
} from '@readiness/plugin-readiness-common';
import { ReadinessStore } from '../database';
import { EntityFactsCollector } from '../service/EntityFactsCollector';
import { mapWithConcurrency } from '../service/mapWithConcurrency';

interface Standing {
  score: number;
  level: string | null;
}

export interface PreviewChange {
  entityRef: string;
  /** `null` when the entity has no stored result for this scorecard id. */
  before: Standing | null;
  after: Standing;
}

export interface PreviewResult {
  scorecard: string;
  evaluated: number;
  /** Entities whose score or level would change, lowest new score first. */
  changes: PreviewChange[];
}

/**
 * Evaluates a draft scorecard over the entities the caller may read, against
 * the stored results of the scorecard with the same id, and stores nothing.
 */
export class ScorecardPreview {
  constructor(
    private readonly catalog: CatalogService,
    private readonly store: ReadinessStore,
    private readonly facts: EntityFactsCollector,
    private readonly knownFacts: () => FactDefinition[],
    private readonly permissions: PermissionsService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async preview(
    document: string,
    credentials: BackstageCredentials,
  ): Promise<PreviewResult> {
    const [decision] = await this.permissions.authorize(
      [{ permission: readinessScorecardPreviewPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('You may not preview scorecards');
    }
    const { scorecards, problems } = parseScorecardFile(document, {
      source: 'document',
      knownFacts: this.knownFacts(),
    });
    if (problems.length > 0 || scorecards.length !== 1) {
      throw new InputError(
        problems.length > 0
          ? `The scorecard is not valid: ${problems
              .map(formatScorecardProblem)
              .join('; ')}`
          : `Preview takes exactly one scorecard document, got ${scorecards.length}`,
      );
    }
    const [scorecard] = scorecards;
    const now = this.now();
    const changes: PreviewChange[] = [];
    let evaluated = 0;
    for await (const page of this.catalog.streamEntities(
      { pageSize: 200 },
      { credentials },
    )) {
      const applicable = page.filter(e =>
        appliesToEntity(scorecard.appliesTo, e),
      );
      evaluated += applicable.length;
      const compared = await mapWithConcurrency(applicable, 8, entity =>
        this.compare(scorecard, entity, now),
      );
      changes.push(...compared.flatMap(change => (change ? [change] : [])));
    }
    changes.sort(
      (a, b) =>
        a.after.score - b.after.score || a.entityRef.localeCompare(b.entityRef),
    );
    return { scorecard: scorecard.id, evaluated, changes };
  }

  /** The change the draft would make to one entity, if any. */
  private async compare(
    scorecard: ScorecardDefinition,
    entity: Entity,
    now: Date,
  ): Promise<PreviewChange | undefined> {
    const entityRef = stringifyEntityRef(entity);
    const facts = await this.facts.collect(entity, now);
    const { score, level } = evaluateScorecard(scorecard, entity, facts, now);
    const stored = (await this.store.getEntityResults(entityRef)).results.get(
      scorecard.id,
    );
    if (stored && stored.score === score && stored.level === level) {
      return undefined;
    }
    return {
      entityRef,
      before: stored ? { score: stored.score, level: stored.level } : null,
      after: { score, level },
    };
  }
}
