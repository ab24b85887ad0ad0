import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  EntityReadiness,
  evaluateScorecard,
  FactDefinition,
  FactSet,
  REPOSITORY_FACTS,
  repositoryFacts,
} from '@readiness/plugin-readiness-common';
import { CallerRateLimiter } from '../api/CallerRateLimiter';
import { ServiceAccessPolicy } from '../api/ServiceAccessPolicy';
import { collectorOfFact } from '../facts/collectorOfFact';
import { callerOf } from '../lib/callerOf';
import { ConcurrencyLimit } from '../lib/ConcurrencyLimit';
import { requireScorecard } from '../scorecards/scorecardLookup';
import {
  ActiveScorecard,
  ScorecardRegistry,
} from '../scorecards/ScorecardRegistry';
import {
  DraftEntityLimits,
  DraftRequest,
  parseDraftRequest,
} from './draftRequest';
import { DraftLimits } from './readDraftLimits';

/** Why a fact nothing observed for a draft is unknown. */
export const NOT_COLLECTED_FOR_DRAFT = 'not collected for a draft entity';
const NO_REPOSITORY_PATHS =
  'no repository paths were given with the draft entity';

/** The body of `POST /entities/evaluate`, as the contract lets it through. */
export interface DraftRequestBody {
  entity?: unknown;
  scorecard?: string;
  repositoryPaths?: unknown;
}

/**
 * Evaluates an entity that is not in the catalog yet (a Scaffolder
 * template's `catalog-info.yaml`, say) against the scorecards in force, and
 * stores nothing. Its facts are the catalog's own, with its owner and
 * system looked up as the caller may see them, and the repository's from
 * the paths the caller lists; every other collector's and pushed facts are
 * unavailable, so checks on them are unknown. A draft has no exemptions or
 * attestations; campaigns apply as usual.
 */
export class DraftEntityEvaluator {
  private readonly rate: CallerRateLimiter;
  private readonly inFlight: ConcurrencyLimit;

  constructor(
    private readonly options: {
      registry: Pick<ScorecardRegistry, 'list' | 'campaignsOf'>;
      applicableScorecards: (entity: Entity) => readonly ActiveScorecard[];
      /** The catalog's facts, with relations resolved as the caller. */
      catalogFacts: (
        entity: Entity,
        now: Date,
        credentials: BackstageCredentials,
      ) => Promise<FactSet>;
      knownFacts: () => FactDefinition[];
      /** The entity's bounds, those of a scorecard document. */
      entityLimits: DraftEntityLimits;
      /** What requests may cost (`readiness.drafts`). */
      limits: DraftLimits;
      /**
       * Services evaluate drafts only when `readiness.serviceAccess.drafts`
       * names them: a token meant for something else (pushing facts, say)
       * learns nothing of the scorecards through a draft.
       */
      services: ServiceAccessPolicy;
      now?: () => Date;
    },
  ) {
    this.rate = new CallerRateLimiter(options.limits, 'draft evaluations');
    this.inFlight = new ConcurrencyLimit(
      options.limits.maxConcurrent,
      running =>
        `This backend is evaluating ${running} draft entities, its limit (readiness.drafts.maxConcurrent); try again shortly`,
    );
  }

  /**
   * A request's draft, checked and evaluated: at most `callerLimit` per
   * caller and window (TooManyRequestsError, 429) and `maxConcurrent` at
   * once on this replica (ServiceUnavailableError, 503), counted before the
   * body is looked at, since checking it costs too. Services need
   * `readiness.serviceAccess.drafts` (NotAllowedError, 403).
   */
  async evaluateRequest(
    body: DraftRequestBody,
    credentials: BackstageCredentials,
  ): Promise<EntityReadiness> {
    this.options.services.assertAllowed('drafts', credentials);
    this.rate.take(callerOf(credentials));
    return this.inFlight.run(async () =>
      this.evaluate(
        parseDraftRequest(body, this.options.entityLimits),
        body.scorecard,
        credentials,
      ),
    );
  }

  /**
   * The draft's results on each scorecard that applies to it, or only on
   * `scorecardId` (none when that one does not apply); an `InputError`
   * with the closest id for an unknown scorecard.
   */
  async evaluate(
    draft: DraftRequest,
    scorecardId: string | undefined,
    credentials: BackstageCredentials,
  ): Promise<EntityReadiness> {
    const { registry, applicableScorecards } = this.options;
    if (scorecardId !== undefined) {
      requireScorecard(registry, scorecardId);
    }
    const { entity } = draft;
    const scorecards = applicableScorecards(entity).filter(
      s => scorecardId === undefined || s.scorecard.id === scorecardId,
    );
    const entityRef = stringifyEntityRef(entity);
    if (scorecards.length === 0) {
      return { entityRef, scorecards: [] };
    }
    const now = this.options.now?.() ?? new Date();
    const facts = await this.facts(draft, now, credentials);
    return {
      entityRef,
      scorecards: scorecards.map(({ scorecard }) =>
        evaluateScorecard(
          scorecard,
          entity,
          facts,
          now,
          undefined,
          registry.campaignsOf(scorecard.id),
        ),
      ),
    };
  }

  /**
   * The catalog's facts, the repository's from the listed paths, and every
   * other known fact unavailable, saying why.
   */
  private async facts(
    { entity, repositoryPaths }: DraftRequest,
    now: Date,
    credentials: BackstageCredentials,
  ): Promise<FactSet> {
    const facts: FactSet = {
      ...(await this.options.catalogFacts(entity, now, credentials)),
      ...(repositoryPaths && repositoryFacts(repositoryPaths, now)),
    };
    const repository = new Set(REPOSITORY_FACTS.map(f => f.name));
    for (const { name } of this.options.knownFacts()) {
      facts[name] ??= {
        source: collectorOfFact(name),
        reason: repository.has(name)
          ? NO_REPOSITORY_PATHS
          : NOT_COLLECTED_FOR_DRAFT,
      };
    }
    return facts;
  }
}
