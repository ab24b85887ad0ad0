import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  BackendFeature,
  coreServices,
  createServiceFactory,
  ServiceFactory,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  catalogServiceMock,
  CatalogServiceMock,
} from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { Server } from 'node:http';
import { readinessPlugin } from '../plugin';
import { catalogAsCaller } from './catalogAsCaller';
import { standInPlugin } from './standInPlugin';

/** What the test backend runs the plugin with; mocks for what is not given. */
export interface ReadinessBackendOptions {
  /** The catalog's entities, when no catalog is given. */
  entities?: Entity[];
  catalog?: CatalogServiceMock;
  /** The root config's data. */
  config?: object;
  permissions?: ServiceFactory;
  httpAuth?: ServiceFactory;
  /** Who users are and which groups they belong to. */
  userInfo?: ServiceFactory;
  /** Collects the plugin's audit events. */
  auditor?: ServiceFactory;
  urlReader?: UrlReaderService;
  /** The plugin's database; the test backend's own when not given. */
  knex?: Knex;
  /** Modules to install beside the plugin. */
  modules?: BackendFeature[];
  /**
   * Reach the catalog as its real client does, asking the auth service for
   * a token on the caller's behalf (see catalogAsCaller); with the real
   * auth service, restricted tokens are then refused the catalog.
   */
  catalogAsCaller?: boolean;
}

/** A started test backend: its HTTP server and the catalog it reads. */
export interface ReadinessTestBackend {
  server: Server;
  catalog: CatalogServiceMock;
}

/**
 * Starts a test backend with the readiness plugin, returning its HTTP server
 * and the catalog it reads, for tests to spy on.
 */
export async function startReadinessBackend(
  options: ReadinessBackendOptions = {},
): Promise<ReadinessTestBackend> {
  const catalog =
    options.catalog ?? catalogServiceMock({ entities: options.entities ?? [] });
  const urlReader = options.urlReader ?? mockServices.urlReader.mock();
  const { server } = await startTestBackend({
    features: [
      readinessPlugin,
      // The mock catalog below plays the catalog plugin's part.
      standInPlugin('catalog'),
      ...(options.modules ?? []),
      options.permissions ?? mockServices.permissions.factory(),
      options.httpAuth ?? mockServices.httpAuth.factory(),
      ...(options.userInfo ? [options.userInfo] : []),
      ...(options.auditor ? [options.auditor] : []),
      ...(options.knex
        ? [mockServices.database.factory({ knex: options.knex })]
        : []),
      mockServices.rootConfig.factory({ data: options.config ?? {} }),
      createServiceFactory({
        service: catalogServiceRef,
        deps: { auth: coreServices.auth },
        factory: ({ auth }) =>
          options.catalogAsCaller ? catalogAsCaller(catalog, auth) : catalog,
      }),
      createServiceFactory({
        service: coreServices.urlReader,
        deps: {},
        factory: () => urlReader,
      }),
    ],
  });
  return { server, catalog };
}
