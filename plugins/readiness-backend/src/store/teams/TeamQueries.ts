import type {
  TeamEntity,
  TeamRegression,
} from '@readiness/plugin-readiness-common';

/**
 * The entities of a team on one scorecard: those whose owner is one of
 * `owners` (the group and the groups under it), or, given `visible`, those
 * of them only.
 *
 * @public
 */
export interface TeamScope {
  scorecardId: string;
  owners: readonly string[];
  /** Only these entities (those the caller may read); all when undefined. */
  visible?: ReadonlySet<string>;
}

/** What a team's entities still owe one campaign. @public */
export interface TeamOpenItems {
  /** Entities that do not meet the goal. */
  open: number;
  /** The first of them by entity ref. */
  entities: string[];
  /** The checks they still need, most needed first. */
  checks: string[];
}

/**
 * What a team view reads beyond the leaderboard's aggregates: its weakest
 * entities, its open campaign items and its recent level drops.
 *
 * @public
 */
export interface TeamQueries {
  /** The lowest scores first, ties by entity ref, at most `limit`. */
  lowestScored(scope: TeamScope, limit: number): Promise<TeamEntity[]>;

  /**
   * Per campaign of `campaignIds` (of the scope's scorecard) with open
   * entities in the scope, by campaign id: the first `limits.campaigns` of
   * them in the order given, so that only those are read in detail. The
   * checks are counted over the first {@link TALLIED_OPEN_ENTITIES} open
   * entities, so that a large team costs a bounded read.
   */
  openCampaignItems(
    scope: TeamScope,
    campaignIds: readonly string[],
    limits: { campaigns: number; entities: number; checks: number },
  ): Promise<Map<string, TeamOpenItems>>;

  /**
   * Changes since `since` that lowered an entity's level, newest first, at
   * most `limit`. `levels` are the scorecard's level ids, lowest first;
   * below the first (`null`) and unknown ids rank lowest.
   */
  levelDrops(
    scope: TeamScope,
    levels: readonly string[],
    since: Date,
    limit: number,
  ): Promise<TeamRegression[]>;
}

/** Open entities per campaign whose checks are counted. */
export const TALLIED_OPEN_ENTITIES = 2000;
