import {
  CheckStatus,
  EntityFilter,
  FactValue,
  LeaderboardGrouping,
  ReadinessChange,
  ResultSummary,
  ScorecardResult,
  ScorecardStanding,
  StatusCounts,
} from '@readiness/plugin-readiness-common';
import type { StoredResult } from './storedResult';

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
 * The standing of the entities of one owner, system or domain.
 *
 * @public
 */
export interface GroupStanding extends ScorecardStanding {
  /** `null` for entities that declare none. */
  group: string | null;
}

/** What groups are ranked by, and in which direction. @public */
export interface GroupRanking {
  orderBy: 'averageScore' | 'entities' | 'group';
  order: 'asc' | 'desc';
}

/** @public */
export interface ResultFilter extends EntityFilter {
  scorecardId: string;
  /** A level id, or `none` for entities below the first level. */
  level?: string;
  /** With `status`: the check whose status is filtered on. */
  check?: string;
  status?: CheckStatus;
  owner?: string;
  system?: string;
  domain?: string;
}

/**
 * Where a result stands in a list of results: keyset paging goes on after
 * the last one read.
 *
 * @public
 */
export interface ResultPosition {
  score: number;
  entityRef: string;
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

/** The checks of one scorecard: entities per status of each. @public */
export type CheckStatusCounts = Map<string, StatusCounts>;

/** The last facts one collector gave for an entity. @public */
export interface StoredFacts {
  observedAt: string;
  facts: Record<string, FactValue>;
  /**
   * A hash of what the collector read for the entity then; none for facts
   * stored before targets were.
   */
  target?: string;
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
   * {@link ReadinessStore.replaceEntityResults} for many entities in one
   * transaction, with a few statements for the whole batch.
   */
  replaceResultsOfEntities(
    batch: Array<{ entity: EntityToStore; results: ResultToStore[] }>,
  ): Promise<WriteOutcome>;

  /**
   * The `metadata.etag` each of these entities had when last evaluated; an
   * entity without stored results is left out.
   */
  getEntityEtags(entityRefs: string[]): Promise<Map<string, string | null>>;

  /** The stored results of the entity; none is an empty map. */
  getEntityResults(entityRef: string): Promise<StoredEntityResults>;

  /*
   * Aggregates are computed in the database over every entity scored on the
   * scorecard, or, given `visible`, over those entities only.
   */

  getScorecardStanding(
    scorecardId: string,
    visible?: ReadonlySet<string>,
  ): Promise<ScorecardStanding>;

  /** Entities per status of each of the scorecard's checks, by check id. */
  getCheckStatusCounts(
    scorecardId: string,
    visible?: ReadonlySet<string>,
  ): Promise<CheckStatusCounts>;

  /**
   * The standing of each owner, system or domain on the scorecard, or of
   * the given groups only.
   */
  getLeaderboard(
    scorecardId: string,
    groupBy: LeaderboardGrouping,
    filter: EntityFilter,
    visible?: ReadonlySet<string>,
    groups?: ReadonlyArray<string | null>,
  ): Promise<GroupStanding[]>;

  /**
   * The standing of each group's current entities as it was at a past time,
   * from the history; entities not scored then are left out.
   */
  getLeaderboardAt(
    time: Date,
    scorecardId: string,
    groupBy: LeaderboardGrouping,
    filter: EntityFilter,
    visible?: ReadonlySet<string>,
    groups?: ReadonlyArray<string | null>,
  ): Promise<GroupStanding[]>;

  /**
   * One page of the groups of all entities scored on the scorecard, ranked
   * in the database, and how many groups there are. Ties, and `group`
   * order, go by the group's ref, entities that declare none first.
   */
  rankGroups(
    scorecardId: string,
    groupBy: LeaderboardGrouping,
    filter: EntityFilter,
    ranking: GroupRanking,
    page: { limit: number; offset: number },
  ): Promise<{ groups: Array<string | null>; total: number }>;

  /**
   * Results matching the filter, lowest score first, then by entity ref;
   * given `after`, those that come after that position in this order.
   */
  listResults(
    filter: ResultFilter,
    page: { limit: number; after?: ResultPosition },
  ): Promise<ResultSummary[]>;

  /** The entity's recorded changes, newest first. */
  getEntityHistory(
    entityRef: string,
    options: { limit: number },
  ): Promise<ReadinessChange[]>;

  /**
   * Removes the results, check rows and facts of entities last evaluated
   * before this time, but for those in `keep`: after a run over the whole
   * catalog, those of entities that are gone or no longer scored, but for
   * those the run failed to evaluate. An entity evaluated again while this
   * runs keeps its results. Returns how many results went.
   */
  deleteResultsEvaluatedBefore(
    time: Date,
    keep?: ReadonlySet<string>,
  ): Promise<number>;

  /** The last facts of each collector for the entity, by collector id. */
  getEntityFacts(entityRef: string): Promise<Map<string, StoredFacts>>;

  /** Keeps these as the collector's last good facts for the entity. */
  saveEntityFacts(
    entityRef: string,
    collectorId: string,
    facts: StoredFacts,
  ): Promise<void>;

  /** Removes history older than the retention; returns how many rows went. */
  deleteHistoryBefore(time: Date): Promise<number>;
}
