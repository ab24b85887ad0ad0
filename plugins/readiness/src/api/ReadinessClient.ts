import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { EntityReadiness } from '@readiness/plugin-readiness-common';
import { ReadinessApi } from './ReadinessApi';

/**
 * Talks to the readiness backend over HTTP.
 *
 * @public
 */
export class ReadinessClient implements ReadinessApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getEntityReadiness(
    entityRef: CompoundEntityRef | string,
  ): Promise<EntityReadiness> {
    return this.request(entityPath(entityRef));
  }

  async refreshEntityReadiness(
    entityRef: CompoundEntityRef | string,
  ): Promise<EntityReadiness> {
    return this.request(`${entityPath(entityRef)}/refresh`, {
      method: 'POST',
    });
  }

  private async request(
    path: string,
    init?: RequestInit,
  ): Promise<EntityReadiness> {
    const baseUrl = await this.discoveryApi.getBaseUrl('readiness');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.json();
  }
}

function entityPath(entityRef: CompoundEntityRef | string): string {
  const { kind, namespace, name } =
    typeof entityRef === 'string' ? parseEntityRef(entityRef) : entityRef;
  return `/entities/${[kind, namespace, name]
    .map(encodeURIComponent)
    .join('/')}`;
}
