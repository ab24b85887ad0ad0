import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntityReadiness,
  EntityReadinessHistory,
  readinessEntityRefreshPermission,
} from '@readiness/plugin-readiness-common';
import { EntityResultsReader, fromStoredResult, HistoryReader } from '../store';
import { EntityEvaluator } from '../evaluation/EntityEvaluator';
import { callerOf } from '../lib/callerOf';
import { RefreshRateLimiter } from './RefreshRateLimiter';
import { RelationEvidenceRedactor } from './RelationEvidenceRedactor';
import { ServiceAccessPolicy } from './ServiceAccessPolicy';

/** Where entity readiness comes from, and who may refresh it how often. */
export interface EntityReadinessServiceOptions {
  catalog: CatalogService;
  entityResults: EntityResultsReader;
  historyReader: HistoryReader;
  evaluator: EntityEvaluator;
  permissions: PermissionsService;
  redactor: RelationEvidenceRedactor;
  refreshAccess: {
    services: ServiceAccessPolicy;
    limiter: RefreshRateLimiter;
  };
}

/**
 * Answers "how ready is this entity" for a caller, evaluating and storing the
 * entity's results when it has none or has changed since.
 */
export class EntityReadinessService {
  /** Refreshes running now, by entity ref: a second one joins the first. */
  private readonly refreshing = new Map<string, Promise<EntityReadiness>>();

  constructor(private readonly options: EntityReadinessServiceOptions) {}

  async get(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<EntityReadiness> {
    return this.readinessOf(
      await this.visibleEntity(ref, credentials),
      credentials,
    );
  }

  /**
   * The readiness of an entity the caller was already allowed to read:
   * stored results when current, else evaluated and stored now.
   */
  async readinessOf(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<EntityReadiness> {
    const entityRef = stringifyEntityRef(entity);
    const applicable = this.options.evaluator.applicableScorecards(entity);
    const stored = await this.options.entityResults.getEntityResults(entityRef);
    const current =
      stored.entityEtag === (entity.metadata.etag ?? null) &&
      applicable.every(
        ({ scorecard, version }) =>
          stored.results.has(scorecard.id) &&
          stored.scorecardVersions.get(scorecard.id) === version,
      );
    const readiness = current
      ? {
          entityRef,
          scorecards: applicable.map(({ scorecard }) =>
            fromStoredResult(stored.results.get(scorecard.id)!, scorecard),
          ),
        }
      : await this.options.evaluator.evaluate(entity);
    return this.options.redactor.redact(entity, readiness, credentials);
  }

  /**
   * Evaluates the entity anew, for a caller allowed to, within their rate
   * limits; a refresh of the entity already running is joined instead.
   */
  async refresh(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<EntityReadiness> {
    this.options.refreshAccess.services.assertAllowed('refresh', credentials);
    const entity = await this.visibleEntity(ref, credentials);
    const entityRef = stringifyEntityRef(entity);
    const [decision] = await this.options.permissions.authorize(
      [
        {
          permission: readinessEntityRefreshPermission,
          resourceRef: entityRef,
        },
      ],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may not refresh the readiness of ${entityRef}`,
      );
    }
    this.options.refreshAccess.limiter.take(callerOf(credentials), entityRef);
    return this.options.redactor.redact(
      entity,
      await this.evaluateOnce(entity, entityRef),
      credentials,
    );
  }

  private evaluateOnce(
    entity: Entity,
    entityRef: string,
  ): Promise<EntityReadiness> {
    const running = this.refreshing.get(entityRef);
    if (running) {
      return running;
    }
    const evaluation = this.options.evaluator
      .evaluate(entity, { force: true })
      .finally(() => this.refreshing.delete(entityRef));
    this.refreshing.set(entityRef, evaluation);
    return evaluation;
  }

  async history(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
    options: { limit: number },
  ): Promise<EntityReadinessHistory> {
    const entityRef = stringifyEntityRef(
      await this.visibleEntity(ref, credentials),
    );
    return {
      entityRef,
      changes: await this.options.historyReader.getEntityHistory(
        entityRef,
        options,
      ),
    };
  }

  /**
   * The entity as the caller may read it: the catalog answers only with
   * what the caller may read, and a 404 says no more than that.
   */
  async visibleEntity(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entity = await this.options.catalog.getEntityByRef(ref, {
      credentials,
    });
    if (!entity) {
      throw new NotFoundError(
        `No entity ${stringifyEntityRef(ref)} in the catalog`,
      );
    }
    return entity;
  }
}
