import {
  AuditorService,
  LoggerService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import type { CatalogVisibility } from '../api/CatalogVisibility';
import type { EntityReadinessService } from '../api/EntityReadinessService';
import type { ReadinessContext } from '../buildReadinessContext';
import { OwnerInputApprovers } from './OwnerInputApprovers';
import { OwnerInputEffects } from './OwnerInputEffects';
import { OwnerInputReader } from './OwnerInputReader';
import { OwnerInputWorkflow } from './OwnerInputWorkflow';

/** The reader and the workflow of exemptions and attestations. */
export interface OwnerInputServices {
  reader: OwnerInputReader;
  workflow: OwnerInputWorkflow;
}

/** Makes the exemption and attestation services over Readiness' parts. */
export function ownerInputServices(options: {
  context: ReadinessContext;
  catalog: CatalogService;
  permissions: PermissionsService;
  userInfo: UserInfoService;
  auditor: AuditorService;
  logger: LoggerService;
  visibility: CatalogVisibility;
  readiness: EntityReadinessService;
  now?: () => Date;
}): OwnerInputServices {
  const { context, catalog, permissions, userInfo, auditor } = options;
  const now = options.now ?? (() => new Date());
  const approvers = new OwnerInputApprovers(userInfo, permissions);
  const reader = new OwnerInputReader({
    store: context.stores.ownerInput,
    catalog,
    registry: context.registry,
    visibility: options.visibility,
    approvers,
    now,
  });
  const workflow = new OwnerInputWorkflow({
    store: context.stores.ownerInput,
    reader,
    approvers,
    permissions,
    effects: new OwnerInputEffects({
      store: context.stores.ownerInput,
      evaluator: context.evaluator,
      auditor,
      logger: options.logger,
    }),
    currentResult: async (entity, scorecardId, credentials) => {
      const readiness = await options.readiness.readinessOf(
        entity,
        credentials,
      );
      return readiness.scorecards.find(s => s.scorecard.id === scorecardId);
    },
    auditor,
    now,
  });
  return { reader, workflow };
}
