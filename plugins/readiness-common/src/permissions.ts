import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Re-collecting facts and re-evaluating an entity now (`POST .../refresh`).
 * A resource permission on catalog entities, so that a policy can allow it,
 * for example, only to the entity's owners.
 *
 * @public
 */
export const readinessEntityRefreshPermission = createPermission({
  name: 'readiness.entity.refresh',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/**
 * Evaluating a draft scorecard over the catalog without storing anything
 * (`POST /scorecards/preview`).
 *
 * @public
 */
export const readinessScorecardPreviewPermission = createPermission({
  name: 'readiness.scorecard.preview',
  attributes: { action: 'read' },
});

/**
 * Every permission of the Readiness plugin.
 *
 * @public
 */
export const readinessPermissions = [
  readinessEntityRefreshPermission,
  readinessScorecardPreviewPermission,
];
