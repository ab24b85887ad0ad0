import { useRouteRef } from '@backstage/core-plugin-api';
import { useCallback } from 'react';
import { rootRouteRef } from '../routes';
import { ReadinessPageParams, readinessPageQuery } from './readinessPageParams';

function useOptionalRootLink(): (() => string) | undefined {
  try {
    return useRouteRef(rootRouteRef);
  } catch {
    // The app does not mount the readiness page. useRouteRef calls all its
    // hooks before it throws, so catching keeps the order of hooks stable.
    return undefined;
  }
}

/**
 * Links to a view of the readiness page, or `undefined` when the app does
 * not mount the page (an app may show the entity card alone).
 */
export function useReadinessPageLink(): (
  params: ReadinessPageParams,
) => string | undefined {
  const rootLink = useOptionalRootLink();
  return useCallback(
    (params: ReadinessPageParams) =>
      rootLink && `${rootLink()}${readinessPageQuery(params)}`,
    [rootLink],
  );
}
