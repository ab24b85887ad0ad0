import {
  AnyRouteRefParams,
  RouteFunc,
  RouteRef,
  SubRouteRef,
  useRouteRef,
} from '@backstage/core-plugin-api';
import { useCallback } from 'react';
import { rootRouteRef } from '../routes';
import { ReadinessPageParams, readinessPageQuery } from './readinessPageParams';

/**
 * The route's link function, or `undefined` when the app does not mount the
 * readiness page.
 */
export function useOptionalLink<Params extends AnyRouteRefParams>(
  routeRef: RouteRef<Params> | SubRouteRef<Params>,
): RouteFunc<Params> | undefined {
  try {
    return useRouteRef(routeRef);
  } catch {
    // The app does not mount the readiness page. useRouteRef calls all its
    // hooks before it throws, so catching keeps the order of hooks stable.
    return undefined;
  }
}

/**
 * Links to a view of the readiness page (or of its sub-page `routeRef`), or
 * `undefined` when the app does not mount the page (an app may show the
 * entity card alone).
 */
export function useReadinessPageLink(
  routeRef: RouteRef<undefined> | SubRouteRef<undefined> = rootRouteRef,
): (params: ReadinessPageParams) => string | undefined {
  const link = useOptionalLink(routeRef);
  return useCallback(
    (params: ReadinessPageParams) =>
      link && `${link()}${readinessPageQuery(params)}`,
    [link],
  );
}
