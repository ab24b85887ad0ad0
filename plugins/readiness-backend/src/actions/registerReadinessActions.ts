import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { RequestServices } from '../api/buildRequestServices';

/**
 * Registers Readiness' actions in Backstage's actions registry, where the
 * MCP actions backend offers them to AI clients. Each runs as its caller,
 * through the same services as the REST API.
 */
export function registerReadinessActions(
  _registry: ActionsRegistryService,
  _services: RequestServices,
): void {}
