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
import { fromStoredResult, ReadinessStore } from '../database';
import { EntityEvaluator } from './EntityEvaluator';

/**
 * Answers "how ready is this entity" for a caller, evaluating and storing the
 * entity's results when it has none or has changed since.
 */
export class EntityReadinessService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly store: ReadinessStore,
    private readonly evaluator: EntityEvaluator,
    private readonly permissions: PermissionsService,
  ) {}

  async get(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<EntityReadiness> {
    const entity = await this.visibleEntity(ref, credentials);
    const entityRef = stringifyEntityRef(entity);
    const applicable = this.evaluator.applicableScorecards(entity);
    const stored = await this.store.getEntityResults(entityRef);
    const current =
      stored.entityEtag === (entity.metadata.etag ?? null) &&
      applicable.every(
        ({ scorecard, version }) =>
          stored.results.has(scorecard.id) &&
          stored.scorecardVersions.get(scorecard.id) === version,
      );
    if (!current) {
      return this.evaluator.evaluate(entity);
    }
    return {
      entityRef,
      scorecards: applicable.map(({ scorecard }) =>
        fromStoredResult(stored.results.get(scorecard.id)!, scorecard),
      ),
    };
  }

  async refresh(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<EntityReadiness> {
    const entity = await this.visibleEntity(ref, credentials);
    const entityRef = stringifyEntityRef(entity);
    const [decision] = await this.permissions.authorize(
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
    return this.evaluator.evaluate(entity, { force: true });
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
      changes: await this.store.getEntityHistory(entityRef, options),
    };
  }

  /** The catalog answers only with what the caller may read. */
  private async visibleEntity(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entity = await this.catalog.getEntityByRef(ref, { credentials });
    if (!entity) {
      throw new NotFoundError(
        `No entity ${stringifyEntityRef(ref)} in the catalog`,
      );
    }
    return entity;
  }
}
