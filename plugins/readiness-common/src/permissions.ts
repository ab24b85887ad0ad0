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
 * The resource type of a scorecard, for permissions a policy may grant per
 * scorecard (rule `IS_SCORECARD`).
 *
 * @public
 */
export const READINESS_SCORECARD_RESOURCE_TYPE = 'readiness-scorecard';

/**
 * Requesting an exemption from checks, or giving an attestation, for an
 * entity (`POST /exemptions`, `POST /attestations`). A resource permission
 * on catalog entities, so that a policy can allow it only to the owners.
 *
 * @public
 */
export const readinessExemptionRequestPermission = createPermission({
  name: 'readiness.exemption.request',
  attributes: { action: 'create' },
  resourceType: 'catalog-entity',
});

/**
 * Approving, rejecting and revoking exemptions and attestations of a
 * scorecard. Members of the scorecard's owner group may without it. A
 * resource permission on scorecards, so a policy can grant it per scorecard.
 *
 * @public
 */
export const readinessExemptionApprovePermission = createPermission({
  name: 'readiness.exemption.approve',
  attributes: { action: 'update' },
  resourceType: READINESS_SCORECARD_RESOURCE_TYPE,
});

/**
 * Pushing facts about an entity (`POST /facts`), for pipelines with a
 * service token. A resource permission on catalog entities, so that a
 * policy can limit a pipeline to the entities it builds.
 *
 * @public
 */
export const readinessFactsPushPermission = createPermission({
  name: 'readiness.facts.push',
  attributes: { action: 'create' },
  resourceType: 'catalog-entity',
});

/**
 * Revoking an entity's public badge (`DELETE /badges/{id}`): its address
 * stops serving, and the next badge made gets a new one. A resource
 * permission on catalog entities, so that a policy can allow it only to the
 * entity's owners.
 *
 * @public
 */
export const readinessBadgeRevokePermission = createPermission({
  name: 'readiness.badge.revoke',
  attributes: { action: 'delete' },
  resourceType: 'catalog-entity',
});

/**
 * Every permission of the Readiness plugin.
 *
 * @public
 */
export const readinessPermissions = [
  readinessEntityRefreshPermission,
  readinessScorecardPreviewPermission,
  readinessExemptionRequestPermission,
  readinessExemptionApprovePermission,
  readinessFactsPushPermission,
  readinessBadgeRevokePermission,
];
