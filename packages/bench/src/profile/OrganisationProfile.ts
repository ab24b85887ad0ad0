/**
 * The shape of real Backstage catalogs, as shares: how many entities of each
 * kind, and how often a Component has each field, annotation, link type and
 * tag. Computed from the corpus by `yarn bench:profile` and committed, so the
 * generator works without the corpus.
 */
export interface OrganisationProfile {
  /** Where the shares come from. */
  source: { repositories: number; documents: number; components: number };
  /** Entities of each kind per entity. */
  kinds: Record<string, number>;
  /** Components having each field (description, system, tags, …). */
  componentFields: Record<string, number>;
  /** Components having each annotation key, each repository weighing alike. */
  annotations: Record<string, number>;
  /** Components having a link of each type. */
  linkTypes: Record<string, number>;
  /** Components of each `spec.type` and `spec.lifecycle`. */
  types: Record<string, number>;
  lifecycles: Record<string, number>;
  /** Components having each tag. */
  tags: Record<string, number>;
}
