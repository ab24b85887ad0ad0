import { FactValue } from '@readiness/plugin-readiness-common';

/** The latest pushed value of one fact of an entity. @public */
export interface StoredPushedFact {
  value: FactValue;
  /** What pushed it, as the pipeline said, e.g. `github-actions`. */
  source: string;
  /** The principal that pushed it, e.g. `external:ci-pipeline`. */
  pushedBy: string;
  /** ISO 8601: when the pipeline observed the value. */
  observedAt: string;
  /** ISO 8601: when it was pushed. */
  pushedAt: string;
}

/** One push: facts of an entity observed together. @public */
export interface FactsPush {
  entityRef: string;
  source: string;
  pushedBy: string;
  observedAt: Date;
  pushedAt: Date;
  /** Values by full fact name, e.g. `pushed.testCoverage`. */
  facts: ReadonlyMap<string, FactValue>;
}

/** What became of one fact of a push. @public */
export interface PushedFactOutcome {
  /** False when a later observation of the fact was stored already. */
  stored: boolean;
  /** ISO 8601: the observation stored now, the push's or the later one. */
  storedObservedAt: string;
  /**
   * Whether the stored value, or the source evidence names, is new or
   * differs from the one before.
   */
  changed: boolean;
  /**
   * Whether the stored observation is later than the one before (or the
   * first): a check with `maxAge` may pass again even if the value is the
   * same. An evaluation after the push is needed when a fact changed or was
   * renewed.
   */
  renewed: boolean;
}

/**
 * The latest pushed value of each fact of each entity: a newer observation
 * replaces an older one, never the other way round.
 *
 * @public
 */
export interface PushedFactsStore {
  /**
   * Stores the push's facts in one transaction; returns, by fact name,
   * whether each was stored: a later observation already stored stays.
   */
  push(push: FactsPush): Promise<Map<string, PushedFactOutcome>>;

  /** The entity's pushed facts, by full fact name. */
  getEntityFacts(entityRef: string): Promise<Map<string, StoredPushedFact>>;
}
