import {
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  READINESS_SCORECARD_RESOURCE_TYPE,
  readinessExemptionApprovePermission,
  ScorecardDefinition,
} from '@readiness/plugin-readiness-common';
import { z } from 'zod';
import type { ScorecardRegistry } from '../scorecards/ScorecardRegistry';

/** Scorecards as permission resources, identified by their id. */
export const scorecardResourceRef = createPermissionResourceRef<
  ScorecardDefinition,
  { scorecardIds: string[] }
>().with({
  pluginId: 'readiness',
  resourceType: READINESS_SCORECARD_RESOURCE_TYPE,
});

/**
 * `IS_SCORECARD`: a policy can grant `readiness.exemption.approve` for some
 * scorecards only, e.g. to a risk team for the security scorecard.
 */
export const isScorecard = createPermissionRule({
  name: 'IS_SCORECARD',
  description: 'Allow only the scorecards with these ids',
  resourceRef: scorecardResourceRef,
  paramsSchema: z.object({
    scorecardIds: z.array(z.string()).describe('Scorecard ids'),
  }),
  apply: (scorecard, { scorecardIds }) => scorecardIds.includes(scorecard.id),
  toQuery: ({ scorecardIds }) => ({ scorecardIds }),
});

/** What `permissionsRegistry.addResourceType` needs for scorecards. */
export function scorecardResourceType(registry: ScorecardRegistry) {
  return {
    resourceRef: scorecardResourceRef,
    permissions: [readinessExemptionApprovePermission],
    rules: [isScorecard],
    getResources: async (ids: string[]) =>
      ids.map(
        id => registry.list().find(s => s.scorecard.id === id)?.scorecard,
      ),
  };
}
