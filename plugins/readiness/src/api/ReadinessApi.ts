import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import type { EntityReadiness } from '@readiness/plugin-readiness-common';

/**
 * Reads readiness scorecard results from the readiness backend.
 *
 * @public
 */
export interface ReadinessApi {
  /**
   * The latest scorecard results for an entity. Rejects with a
   * `ResponseError` (status 404) when the entity is unknown or not visible to
   * the current user.
   */
  getEntityReadiness(
    entityRef: CompoundEntityRef | string,
  ): Promise<EntityReadiness>;

  /** Re-evaluates the entity now and returns the fresh results. */
  refreshEntityReadiness(
    entityRef: CompoundEntityRef | string,
  ): Promise<EntityReadiness>;
}

/**
 * The API reference for {@link ReadinessApi}.
 *
 * @public
 */
export const readinessApiRef = createApiRef<ReadinessApi>({
  id: 'plugin.readiness.service',
});
