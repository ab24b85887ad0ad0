import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { RequestServices } from '../api/buildRequestServices';
import { registerExplainCheck } from './explainCheckAction';
import { registerGetEntityReadiness } from './getEntityReadinessAction';
import { registerListEntitiesBelow } from './listEntitiesBelowAction';
import { registerPreviewScorecard } from './previewScorecardAction';
import { registerRefreshEntity } from './refreshEntityAction';
import { withAnswerableErrors } from './withAnswerableErrors';

/**
 * Registers Readiness' actions in Backstage's actions registry, where the
 * MCP actions backend offers them to AI clients as tools of the same names.
 * Each runs as its caller, through the same services as the REST API;
 * errors other than Backstage's own reach the client as an id only.
 */
export function registerReadinessActions(
  actionsRegistry: ActionsRegistryService,
  services: RequestServices,
): void {
  const registry = withAnswerableErrors(actionsRegistry);
  registerGetEntityReadiness(registry, services);
  registerListEntitiesBelow(registry, services);
  registerExplainCheck(registry, services);
  registerPreviewScorecard(registry, services);
  registerRefreshEntity(registry, services);
}
