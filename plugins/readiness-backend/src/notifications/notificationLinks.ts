import { parseEntityRef } from '@backstage/catalog-model';

/*
 * The pages a notification points to, relative to the app's base URL (the
 * notifications frontend resolves them).
 */

/** Where a digest about several things points. */
export const READINESS_PAGE_LINK = '/readiness';

/** The entity's Readiness tab. */
export function entityReadinessLink(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${[namespace, kind, name]
    .map(encodeURIComponent)
    .join('/')}/readiness`;
}

/** The campaign's page. */
export function campaignLink(campaignId: string): string {
  return `${READINESS_PAGE_LINK}/campaigns/${encodeURIComponent(campaignId)}`;
}
