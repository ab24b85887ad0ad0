import { ScorecardResult } from '@readiness/plugin-readiness-common';
import type { ResultChangeListener } from '../../campaigns/campaignListeners';

/**
 * A result to store, with the version (a hash) of the scorecard definition
 * that computed it, so that the history can tell a scorecard change apart.
 *
 * @public
 */
export interface ResultToStore {
  result: ScorecardResult;
  scorecardVersion: string;
}

/**
 * What an entity's results are ranked and filtered by: its owner, system and
 * domain refs, kind, type, lifecycle and tags.
 *
 * @public
 */
export interface EntityAttributes {
  owner: string | null;
  system: string | null;
  domain: string | null;
  /** Lower case. */
  kind: string;
  type: string | null;
  lifecycle: string | null;
  tags: string[];
}

/** The entity whose results are stored. @public */
export interface EntityToStore {
  ref: string;
  /** `metadata.etag` of the entity the results were computed from. */
  etag: string | null;
  attributes?: EntityAttributes;
}

/**
 * What a write did: entities whose stored results were computed later than
 * the written ones keep them, and are counted as skipped.
 *
 * @public
 */
export interface WriteOutcome {
  skipped: number;
}

/**
 * Writes evaluated results, with their history, check rows and the rows of
 * the campaigns that target the entity.
 *
 * @public
 */
export interface ResultWriter {
  /**
   * Replaces every stored result of the entity with these, and records in
   * the history each level or check status that changed, with its cause.
   * A result equal to the stored one but for the time is not written again;
   * only the entity's evaluation time is. Results computed before those
   * stored (another writer stored a newer evaluation meanwhile) are not
   * written, and are counted as skipped.
   */
  replaceEntityResults(
    entity: EntityToStore,
    results: ResultToStore[],
  ): Promise<WriteOutcome>;

  /**
   * {@link ResultWriter.replaceEntityResults} for many entities in one
   * transaction, with a few statements for the whole batch.
   */
  replaceResultsOfEntities(
    batch: Array<{ entity: EntityToStore; results: ResultToStore[] }>,
  ): Promise<WriteOutcome>;

  /**
   * Tells the listener of every change later writes record in the history:
   * in the write's transaction, and once it has committed.
   */
  addListener(listener: ResultChangeListener): void;
}
