import {
  createExternalRouteRef,
  createRouteRef,
  createSubRouteRef,
} from '@backstage/core-plugin-api';

/**
 * The readiness pages: scorecards and leaderboards (`/readiness` by default).
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'readiness' });

/**
 * Exemptions and attestations across the organisation, with the actions of
 * approvers (`/readiness/exemptions` by default).
 *
 * @public
 */
export const exemptionsRouteRef = createSubRouteRef({
  id: 'readiness:exemptions',
  parent: rootRouteRef,
  path: '/exemptions',
});

/**
 * The campaigns, with their progress and time left
 * (`/readiness/campaigns` by default).
 *
 * @public
 */
export const campaignsRouteRef = createSubRouteRef({
  id: 'readiness:campaigns',
  parent: rootRouteRef,
  path: '/campaigns',
});

/**
 * One campaign: its burn-up, its progress per owner, system and domain,
 * and its entities (`/readiness/campaigns/:name` by default).
 *
 * @public
 */
export const campaignRouteRef = createSubRouteRef({
  id: 'readiness:campaign',
  parent: rootRouteRef,
  path: '/campaigns/:name',
});

/**
 * A Scaffolder template that fixes a check, as its remediation names it.
 * Bound to the Scaffolder's template page by default in the new frontend
 * system; in the legacy one, bind it with `bindRoutes`.
 *
 * @public
 */
export const createFromTemplateRouteRef = createExternalRouteRef({
  id: 'readiness:create-from-template',
  optional: true,
  params: ['namespace', 'templateName'],
  defaultTarget: 'scaffolder.selectedTemplate',
});
