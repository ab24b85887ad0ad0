import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { mockCredentials } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import {
  ReadinessBackendOptions,
  ReadinessTestBackend,
  startReadinessBackend,
} from './startReadinessBackend';

/** A test backend whose actions registry tests call actions through. */
export interface ActionsTestBackend extends ReadinessTestBackend {
  actions: ReturnType<typeof actionsRegistryServiceMock>;
  /**
   * Calls the action as a user (`user:default/mock`) unless told otherwise;
   * the input and output are checked against the action's schemas.
   */
  invoke(
    name: string,
    input: JsonObject,
    credentials?: BackstageCredentials,
  ): Promise<any>;
}

/**
 * Starts the readiness backend with a mock actions registry that records
 * the plugin's actions, and answers for them as the MCP actions backend
 * would ask.
 */
export async function startActionsBackend(
  options: ReadinessBackendOptions = {},
): Promise<ActionsTestBackend> {
  const actions = actionsRegistryServiceMock();
  const backend = await startReadinessBackend({
    ...options,
    modules: [
      ...(options.modules ?? []),
      createServiceFactory({
        service: actionsRegistryServiceRef,
        deps: {},
        factory: () => actions,
      }),
    ],
  });
  return {
    ...backend,
    actions,
    invoke: async (name, input, credentials = mockCredentials.user()) =>
      (await actions.invoke({ id: `test:${name}`, input, credentials })).output,
  };
}
