import { useApi } from '@backstage/core-plugin-api';
import type {
  CampaignEntity,
  CampaignEntityPage,
} from '@readiness/plugin-readiness-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { CampaignEntityQuery, readinessApiRef } from '../../api';

/** Entities asked for per request. */
export const CAMPAIGN_ENTITY_PAGE_SIZE = 50;

/** Which entities the list shows. */
export type CampaignEntityFilter = Required<
  Pick<CampaignEntityQuery, 'status'>
> &
  Pick<CampaignEntityQuery, 'owner'>;

/** The entities loaded so far for a filter, and how to load more. */
export interface CampaignEntities {
  items: CampaignEntity[];
  /** Entities matching the filter in all. */
  total: number;
  loading: boolean;
  error?: Error;
  /** Present when another page follows. */
  loadMore?: () => void;
  loadingMore: boolean;
  loadMoreError?: Error;
}

/**
 * A campaign's entities for a filter, a page at a time: each "more" is
 * appended to what is shown, so that what is exported is what was loaded.
 * `firstPage` (the page the campaign came with) saves the first request.
 */
export function useCampaignEntities(
  name: string,
  filter: CampaignEntityFilter,
  firstPage?: CampaignEntityPage,
): CampaignEntities {
  const readinessApi = useApi(readinessApiRef);
  const { status, owner } = filter;
  // Pages loaded after the first, for the filter they were loaded for: a
  // page that arrives after the filter changed is never shown with another.
  const key = `${status} ${owner ?? ''}`;
  const [more, setMore] = useState<{
    key: string;
    pages: CampaignEntityPage[];
  }>();

  const first = useAsync(
    async () =>
      firstPage ??
      (
        await readinessApi.getCampaign(name, {
          status,
          owner,
          limit: CAMPAIGN_ENTITY_PAGE_SIZE,
        })
      ).entities,
    [readinessApi, name, status, owner, firstPage],
  );
  const pages = [
    ...(first.value ? [first.value] : []),
    ...(more?.key === key ? more.pages : []),
  ];
  const cursor = pages[pages.length - 1]?.nextCursor;

  const [moreState, loadMore] = useAsyncFn(async () => {
    const page = (
      await readinessApi.getCampaign(name, {
        status,
        owner,
        limit: CAMPAIGN_ENTITY_PAGE_SIZE,
        cursor,
      })
    ).entities;
    setMore(previous => ({
      key,
      pages: [...(previous?.key === key ? previous.pages : []), page],
    }));
  }, [readinessApi, name, status, owner, cursor, key]);

  return {
    items: pages.flatMap(page => page.items),
    total: pages[pages.length - 1]?.total ?? 0,
    loading: first.loading,
    error: first.error,
    loadMore: cursor ? loadMore : undefined,
    loadingMore: moreState.loading,
    loadMoreError: moreState.error,
  };
}
