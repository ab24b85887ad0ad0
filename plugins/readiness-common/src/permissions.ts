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
 * Every permission of the Readiness plugin.
 *
 * @public
 */
export const readinessPermissions = [readinessEntityRefreshPermission];
