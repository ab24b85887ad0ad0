/*
 * A team's view: the readiness of a group's entities, its sub-groups'
 * included, as `GET /api/readiness/groups/{namespace}/{name}` answers it.
 */
import type { LeaderboardTrend, ScorecardStanding } from './api';

/** One entity of a team, on one scorecard. @public */
export interface TeamEntity {
  entityRef: string;
  /** The owner it declares: the group or one of its sub-groups. */
  owner: string;
  level: string | null;
  score: number;
}

/**
 * What a team's open campaign items come to: per campaign, the entities
 * that do not meet its goal yet.
 *
 * @public
 */
export interface TeamCampaignDue {
  campaign: string;
  title: string;
  /** YYYY-MM-DD. */
  dueAt: string;
  /** Whole days until the end of `dueAt`, negative after. */
  daysLeft: number;
  /** Entities that do not meet the goal. */
  open: number;
  /** The first of them, at most 5. */
  entities: string[];
  /** The checks they still need, most needed first, at most 10. */
  checks: string[];
}

/** A level drop of one of the team's entities. @public */
export interface TeamRegression {
  entityRef: string;
  scorecard: string;
  changedAt: string;
  levelBefore: string | null;
  levelAfter: string | null;
  /** The change's cause, as in the history. */
  cause: string;
}

/**
 * The body of `GET /api/readiness/groups/{namespace}/{name}?scorecard=`.
 *
 * @public
 */
export interface TeamReadiness extends ScorecardStanding {
  group: string;
  scorecard: string;
  /**
   * The group and the sub-groups under it (`parentOf`, transitively) whose
   * entities are counted; at most 1,000.
   */
  groups: string[];
  /**
   * Set when more groups lie under it: the 1,000 nearest (breadth first)
   * are counted, the deeper ones left out.
   */
  groupsTruncated?: boolean;
  /** Over the last 30 days. */
  trend: LeaderboardTrend;
  /** The lowest scores first, at most 100 (`entities` counts them all). */
  members: TeamEntity[];
  /** Soonest due first, at most 20. */
  due: TeamCampaignDue[];
  /** Level drops in the last 7 days, newest first, at most 50. */
  regressions: TeamRegression[];
}
