import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- the tests run the real readiness backend on loopback
import readinessPlugin from '@readiness/plugin-readiness-backend';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ReadinessDraftClient } from '../client/ReadinessDraftClient';
import { ReadRule, standInCatalog } from './standInCatalog';

/** No scheduled catalog run or scan during a test. */
const QUIET = {
  schedule: {
    frequency: { hours: 24 },
    timeout: { minutes: 1 },
    initialDelay: { hours: 1 },
  },
  changeDetection: {
    frequency: { hours: 24 },
    timeout: { minutes: 1 },
    initialDelay: { hours: 1 },
  },
};

/** The owner of the drafts: a team with a member. */
export const paymentsTeam: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
  relations: [{ type: 'hasMember', targetRef: 'user:default/ada' }],
};

/** The system of the drafts. */
export const paymentsSystem: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { owner: 'team-payments' },
};

/**
 * A real readiness backend on loopback, its catalog holding the owner group
 * and system, and a client that reaches it as the Scaffolder would: a
 * token for the task's initiator, the catalog then read as that user.
 */
export async function startReadiness(
  options: { canRead?: ReadRule } = {},
): Promise<{ server: Server; client: ReadinessDraftClient }> {
  const { server } = await startTestBackend({
    features: [
      readinessPlugin,
      standInCatalog([paymentsTeam, paymentsSystem], options.canRead),
      mockServices.rootConfig.factory({ data: { readiness: QUIET } }),
    ],
  });
  const { port } = server.address() as AddressInfo;
  const client = new ReadinessDraftClient({
    discovery: {
      getBaseUrl: async pluginId => `http://localhost:${port}/api/${pluginId}`,
    },
    auth: mockServices.auth({ pluginId: 'scaffolder' }),
  });
  return { server, client };
}
