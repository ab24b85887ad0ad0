import type { StoredResult } from '../storedResult';

/**
 * The stored results of one entity.
 *
 * @public
 */
export interface StoredEntityResults {
  /** `metadata.etag` of the entity the results were computed from. */
  entityEtag: string | null;
  /** By scorecard id; without what the definition says (see storedResult). */
  results: Map<string, StoredResult>;
  /** The version of the scorecard each result was computed with, by id. */
  scorecardVersions: Map<string, string | null>;
}

/**
 * Reads what is stored of single entities.
 *
 * @public
 */
export interface EntityResultsReader {
  /**
   * The `metadata.etag` each of these entities had when last evaluated; an
   * entity without stored results is left out.
   */
  getEntityEtags(entityRefs: string[]): Promise<Map<string, string | null>>;

  /** The stored results of the entity; none is an empty map. */
  getEntityResults(entityRef: string): Promise<StoredEntityResults>;
}
