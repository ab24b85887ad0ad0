import {
  ReadinessChange,
  ScorecardResult,
} from '@readiness/plugin-readiness-common';

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
 * How the entities scored on one scorecard stand, from their current results.
 *
 * @public
 */
export interface ScorecardStanding {
  entities: number;
  /** `null` when no entity has been scored. */
  averageScore: number | null;
  /** Entities per level id; `none` for those below the first level. */
  levelCounts: Record<string, number>;
}

/**
 * The owner, system and domain refs an entity's results are ranked under.
 *
 * @public
 */
export interface EntityGroups {
  owner: string | null;
  system: string | null;
  domain: string | null;
}

/** @public */
export type LeaderboardGrouping = keyof EntityGroups;

/**
 * The standing of the entities of one owner, system or domain.
 *
 * @public
 */
export interface LeaderboardRow extends ScorecardStanding {
  /** `null` for entities that declare none. */
  group: string | null;
}

/** @public */
export interface ResultFilter {
  scorecardId: string;
  /** A level id, or `none` for entities below the first level. */
  level?: string;
  owner?: string;
  system?: string;
  domain?: string;
}

/** One entity's standing on a scorecard, as lists show it. @public */
export interface ResultSummary {
  entityRef: string;
  score: number;
  level: string | null;
  evaluatedAt: string;
}

/**
 * Where evaluated results and their history are kept.
 *
 * @public
 */
export interface ReadinessStore {
  /**
   * Replaces every stored result of the entity with these, and records in
   * the history each level or check status that changed, with its cause.
   */
  replaceEntityResults(
    entity: { ref: string; etag: string | null; groups?: EntityGroups },
    results: ResultToStore[],
  ): Promise<void>;

  /** The stored results of the entity; none is an empty map. */
  getEntityResults(entityRef: string): Promise<StoredEntityResults>;

  /** Aggregated in the database over every entity scored on it. */
  getScorecardStanding(scorecardId: string): Promise<ScorecardStanding>;

  /** The standing of each owner, system or domain on the scorecard. */
  getLeaderboard(
    scorecardId: string,
    groupBy: LeaderboardGrouping,
  ): Promise<LeaderboardRow[]>;

  /** Results matching the filter, lowest score first, then by entity ref. */
  listResults(
    filter: ResultFilter,
    page: { limit: number; offset: number },
  ): Promise<ResultSummary[]>;

  /** The entity's recorded changes, newest first. */
  getEntityHistory(
    entityRef: string,
    options: { limit: number },
  ): Promise<ReadinessChange[]>;

  /**
   * Removes results computed before this time: after a run over the whole
   * catalog, those of entities that are gone or no longer scored.
   * Returns how many rows went.
   */
  deleteResultsEvaluatedBefore(time: Date): Promise<number>;

  /** Removes history older than the retention; returns how many rows went. */
  deleteHistoryBefore(time: Date): Promise<number>;
}
