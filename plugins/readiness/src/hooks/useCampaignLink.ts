import { useCallback } from 'react';
import { campaignRouteRef } from '../routes';
import { ReadinessPageParams, readinessPageQuery } from './readinessPageParams';
import { useOptionalLink } from './useReadinessPageLink';

/**
 * Links to a campaign's page (with the view `params` give), or `undefined`
 * when the app does not mount the readiness page.
 */
export function useCampaignLink(): (
  name: string,
  params?: ReadinessPageParams,
) => string | undefined {
  const link = useOptionalLink(campaignRouteRef);
  return useCallback(
    (name: string, params: ReadinessPageParams = {}) =>
      link && `${link({ name })}${readinessPageQuery(params)}`,
    [link],
  );
}
