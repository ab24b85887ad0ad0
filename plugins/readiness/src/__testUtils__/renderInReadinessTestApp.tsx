import { Entity } from '@backstage/catalog-model';
import {
  PermissionApi,
  permissionApiRef,
} from '@backstage/plugin-permission-react';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  renderInTestApp,
  TestApiProvider,
  TestAppOptions,
} from '@backstage/test-utils';
import { ReactNode } from 'react';
import { ReadinessApi, readinessApiRef } from '../api';
import { rootRouteRef } from '../routes';

/**
 * A permission policy that allows everything or nothing. (The result is the
 * value of `AuthorizeResult`, from a package this one does not depend on.)
 */
const permissionApi = (allow: boolean) =>
  ({
    authorize: async () => ({ result: allow ? 'ALLOW' : 'DENY' }),
  } as unknown as PermissionApi);

/**
 * Renders in a legacy test app with the readiness API given, the catalog's
 * entity page and the readiness page mounted, and optionally an entity.
 */
export function renderInReadinessTestApp(
  element: ReactNode,
  options: {
    readinessApi: ReadinessApi;
    entity?: Entity;
    /** Whether the permission policy allows refreshing; denied by default. */
    allowRefresh?: boolean;
    catalogEntities?: Entity[];
    /** The URL to start at, e.g. `/readiness?tab=leaderboard`. */
    route?: string;
    /** Mount the readiness page (default true). */
    mountReadinessPage?: boolean;
    /** More route refs to mount, by path. */
    mountedRoutes?: TestAppOptions['mountedRoutes'];
  },
) {
  const {
    readinessApi,
    entity,
    allowRefresh = false,
    catalogEntities = [],
    route,
    mountReadinessPage = true,
    mountedRoutes,
  } = options;
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [readinessApiRef, readinessApi],
        [permissionApiRef, permissionApi(allowRefresh)],
        [catalogApiRef, catalogApiMock({ entities: catalogEntities })],
      ]}
    >
      {entity ? (
        <EntityProvider entity={entity}>{element}</EntityProvider>
      ) : (
        element
      )}
    </TestApiProvider>,
    {
      routeEntries: route ? [route] : undefined,
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        ...(mountReadinessPage ? { '/readiness': rootRouteRef } : {}),
        ...mountedRoutes,
      },
    },
  );
}
