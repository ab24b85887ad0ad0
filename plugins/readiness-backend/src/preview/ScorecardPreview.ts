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
  FactSet,
  parseScorecardFile,
  readinessScorecardPreviewPermission,
  ScorecardDefinition,
  ScorecardLimits,
} from '@readiness/plugin-readiness-common';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { EntityResultsReader } from '../store';
import { ServiceAccessPolicy } from '../api/ServiceAccessPolicy';
import { StoredFactsReader } from './StoredFactsReader';
import { PreviewStanding, PreviewSummary } from './PreviewSummary';
import { InvalidScorecardError } from './InvalidScorecardError';

/** Entities whose stored facts and results are read at a time. */
const READ_CONCURRENCY = 8;
/** How long a preview may hold the event loop before other work runs. */
const SLICE_MS = 10;

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
  /** How many entities would change; `changes` may list fewer. */
  changed: number;
  /**
   * Entities whose score or level would change, lowest new score first, at
   * most `maxChanges` of them.
   */
  changes: PreviewChange[];
  /** Whether the entity or change limit left some out. */
  truncated: boolean;
  /**
   * Where the evaluated entities would stand; absent from jobs recorded
   * before it was added.
   */
  summary?: PreviewStanding;
}

export interface PreviewLimits {
  /** Entities evaluated before the preview stops, truncated. */
  maxEntities: number;
  /** Changes listed in the result. */
  maxChanges: number;
}

/** Where a running preview reports to, and what stops it. */
export interface PreviewRunOptions {
  signal?: AbortSignal;
  /** Entities evaluated so far, after each slice. */
  onProgress?: (evaluated: number) => void;
}

interface EvaluationInput {
  entity: Entity;
  entityRef: string;
  facts: FactSet;
  before: Standing | null;
}

/** The change the draft would make to one entity, if any; summed up too. */
function compare(
  scorecard: ScorecardDefinition,
  { entity, entityRef, facts, before }: EvaluationInput,
  now: Date,
  summary: PreviewSummary,
): PreviewChange | undefined {
  const result = evaluateScorecard(scorecard, entity, facts, now);
  summary.add(result);
  const { score, level } = result;
  if (before && before.score === score && before.level === level) {
    return undefined;
  }
  return { entityRef, before, after: { score, level } };
}

function byNewScore(a: PreviewChange, b: PreviewChange): number {
  return (
    a.after.score - b.after.score || a.entityRef.localeCompare(b.entityRef)
  );
}

/** The `limit` changes with the lowest new scores, in bounded memory. */
class LowestChanges {
  private kept: PreviewChange[] = [];
  count = 0;

  constructor(private readonly limit: number) {}

  add(change: PreviewChange | undefined) {
    if (!change) {
      return;
    }
    this.count += 1;
    this.kept.push(change);
    if (this.kept.length >= 2 * this.limit + 100) {
      this.kept = this.lowest();
    }
  }

  lowest(): PreviewChange[] {
    return this.kept.sort(byNewScore).slice(0, this.limit);
  }
}

/**
 * Evaluates a draft scorecard over the entities the caller may read, against
 * the stored results of the scorecard with the same id. It reads stored facts
 * only: no collector is asked, and nothing is written.
 */
export class ScorecardPreview {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      entityResults: Pick<EntityResultsReader, 'getEntityResults'>;
      facts: StoredFactsReader;
      knownFacts: () => FactDefinition[];
      permissions: PermissionsService;
      /** Services preview only when `readiness.serviceAccess.preview` names them. */
      services: ServiceAccessPolicy;
      limits: PreviewLimits;
      /** `readiness.limits.scorecards`, the draft's size among them. */
      scorecardLimits: ScorecardLimits;
      now?: () => Date;
    },
  ) {}

  /** The draft's one scorecard, if the caller may preview it and it is valid. */
  async prepare(
    document: string,
    credentials: BackstageCredentials,
  ): Promise<ScorecardDefinition> {
    this.options.services.assertAllowed('preview', credentials);
    const [decision] = await this.options.permissions.authorize(
      [{ permission: readinessScorecardPreviewPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('You may not preview scorecards');
    }
    // The same budgets as configured scorecards, its size included.
    const { scorecards, problems } = parseScorecardFile(document, {
      source: 'document',
      knownFacts: this.options.knownFacts(),
      limits: this.options.scorecardLimits,
    });
    if (problems.length > 0) {
      throw new InvalidScorecardError(problems);
    }
    if (scorecards.length !== 1) {
      throw new InputError(
        `Preview takes exactly one scorecard document, got ${scorecards.length}`,
      );
    }
    return scorecards[0];
  }

  /**
   * Evaluates the scorecard over the entities the caller may read, a few at
   * a time, yielding the event loop between slices so that the backend
   * serves other requests meanwhile. Stops, truncated, after `maxEntities`.
   */
  async run(
    scorecard: ScorecardDefinition,
    credentials: BackstageCredentials,
    options: PreviewRunOptions = {},
  ): Promise<PreviewResult> {
    const { catalog, limits } = this.options;
    const now = this.options.now?.() ?? new Date();
    const changes = new LowestChanges(limits.maxChanges);
    const summary = new PreviewSummary(scorecard);
    let evaluated = 0;
    let truncated = false;
    let sliceStart = Date.now();
    const pages = catalog.streamEntities({ pageSize: 200 }, { credentials });
    for await (const page of pages) {
      options.signal?.throwIfAborted();
      const applicable = page.filter(e =>
        appliesToEntity(scorecard.appliesTo, e),
      );
      const room = limits.maxEntities - evaluated;
      if (applicable.length > room) {
        applicable.length = room;
        truncated = true;
      }
      // A few entities at a time: their reads overlap, and between
      // batches the event loop serves other work once a slice is used up
      // (a synchronous driver such as SQLite's never yields on its own).
      for (let i = 0; i < applicable.length; i += READ_CONCURRENCY) {
        const inputs = await Promise.all(
          applicable
            .slice(i, i + READ_CONCURRENCY)
            .map(entity => this.read(scorecard, entity, now, credentials)),
        );
        // One entity's evaluation is bounded (ADR 012's match budgets), so
        // a slice ends after the entity that used it up.
        for (const input of inputs) {
          changes.add(compare(scorecard, input, now, summary));
          evaluated += 1;
          if (Date.now() - sliceStart >= SLICE_MS) {
            options.onProgress?.(evaluated);
            await nextTurn();
            options.signal?.throwIfAborted();
            sliceStart = Date.now();
          }
        }
      }
      options.onProgress?.(evaluated);
      if (truncated) {
        break;
      }
    }
    const listed = changes.lowest();
    return {
      scorecard: scorecard.id,
      evaluated,
      changed: changes.count,
      changes: listed,
      truncated: truncated || listed.length < changes.count,
      summary: summary.standing(),
    };
  }

  /** What evaluating one entity needs: its stored facts and standing. */
  private async read(
    scorecard: ScorecardDefinition,
    entity: Entity,
    now: Date,
    credentials: BackstageCredentials,
  ): Promise<EvaluationInput> {
    const entityRef = stringifyEntityRef(entity);
    const [facts, stored] = await Promise.all([
      this.options.facts.read(entity, now, credentials),
      this.options.entityResults.getEntityResults(entityRef),
    ]);
    const before = stored.results.get(scorecard.id);
    return {
      entity,
      entityRef,
      facts,
      before: before ? { score: before.score, level: before.level } : null,
    };
  }
}
