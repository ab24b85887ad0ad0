import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';

/** The catalog fields the leaderboard filters on, by filter name. */
export const FACET_FIELDS = {
  kind: 'kind',
  type: 'spec.type',
  lifecycle: 'spec.lifecycle',
  tag: 'metadata.tags',
} as const;

export type FacetName = keyof typeof FACET_FIELDS;

/** The values each filter can take, as the catalog knows them, sorted. */
export function useEntityFacets() {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async () => {
    const { facets } = await catalogApi.getEntityFacets({
      facets: Object.values(FACET_FIELDS),
    });
    const values = (field: string) =>
      (facets[field] ?? []).map(facet => facet.value).sort();
    return {
      kind: values(FACET_FIELDS.kind),
      type: values(FACET_FIELDS.type),
      lifecycle: values(FACET_FIELDS.lifecycle),
      tag: values(FACET_FIELDS.tag),
    } satisfies Record<FacetName, string[]>;
  }, [catalogApi]);
}
