import { ScorecardResult } from '@readiness/plugin-readiness-common';

/**
 * The stored results of one entity.
 *
 * @public
 */
export interface StoredEntityResults {
  /** `metadata.etag` of the entity the results were computed from. */
  entityEtag: string | null;
  /** By scorecard id. */
  results: Map<string, ScorecardResult>;
}

/**
 * Where evaluated results are kept.
 *
 * @public
 */
export interface ReadinessStore {
  /** Replaces every stored result of the entity with these. */
  replaceEntityResults(
    entity: { ref: string; etag: string | null },
    results: ScorecardResult[],
  ): Promise<void>;

  /** The stored results of the entity; none is an empty map. */
  getEntityResults(entityRef: string): Promise<StoredEntityResults>;

  /**
   * Removes results computed before this time: after a run over the whole
   * catalog, those of entities that are gone or no longer scored.
   * Returns how many rows went.
   */
  deleteResultsEvaluatedBefore(time: Date): Promise<number>;
}
