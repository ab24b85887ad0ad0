import {
  EntityFilter,
  LeaderboardGrouping,
  ScorecardStanding,
} from '@readiness/plugin-readiness-common';

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

/**
 * Which groups a leaderboard query covers, over which entities.
 *
 * @public
 */
export interface LeaderboardScope {
  scorecardId: string;
  /** Owners, systems or domains. */
  groupBy: LeaderboardGrouping;
  filter: EntityFilter;
  /** Only these entities (those the caller may read); all when undefined. */
  visible?: ReadonlySet<string>;
  /** Only these groups; all when undefined. */
  groups?: ReadonlyArray<string | null>;
  /**
   * With `groupBy: owner`: each group of the map stands for the entities of
   * the owners listed for it (itself and the groups under it), and appears
   * when any of them owns an entity; owners not in the map stand as they
   * are.
   */
  rollup?: GroupRollup;
}

/** Owner groups and the owners each rolls up: itself first. @public */
export type GroupRollup = ReadonlyMap<string, readonly string[]>;

/**
 * How owners, systems or domains stand on a scorecard, now and in the past.
 * Aggregates are computed in the database over every entity scored on the
 * scorecard, or, given `visible`, over those entities only.
 *
 * @public
 */
export interface LeaderboardQueries {
  /** The standing of each group the scope covers. */
  getLeaderboard(scope: LeaderboardScope): Promise<GroupStanding[]>;

  /**
   * The standing of each group's current entities as it was at a past time,
   * from the history; entities not scored then are left out.
   */
  getLeaderboardAt(
    time: Date,
    scope: LeaderboardScope,
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
}
