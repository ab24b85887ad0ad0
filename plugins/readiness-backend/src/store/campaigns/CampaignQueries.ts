import type { Knex } from 'knex';
import type {
  CampaignBurnUpPoint,
  CampaignEnforcementPreview,
  CampaignEntity,
  CampaignGroupProgress,
} from '@readiness/plugin-readiness-common';
import type { CampaignOwnerStanding } from '../../campaigns/campaignListeners';

/**
 * The rows of one campaign: those of its id written for its scorecard (a
 * campaign that moved to another scorecard leaves stale rows that never
 * count).
 */
export interface CampaignKey {
  campaignId: string;
  scorecardId: string;
}

/** Targeted entities, how many meet the goal, and how many regressed. */
export interface CampaignCounts {
  targeted: number;
  met: number;
  /** Met the goal once and no longer do. */
  regressed: number;
}

/** A campaign's counts, overall and per group. */
export interface CampaignBreakdown {
  counts: CampaignCounts;
  byOwner: CampaignGroupProgress[];
  bySystem: CampaignGroupProgress[];
  byDomain: CampaignGroupProgress[];
}

/** Which of a campaign's entities a page lists. */
export type CampaignEntityStatus = 'open' | 'met' | 'regressed' | 'all';

export interface CampaignEntityFilter {
  status: CampaignEntityStatus;
  /** An owner ref, or `NO_GROUP` for entities that declare none. */
  owner?: string;
}

/** One page of entities; `hasMore` when another page follows `items`. */
export interface CampaignEntityRows {
  items: CampaignEntity[];
  total: number;
  hasMore: boolean;
}

/**
 * Only these entities (those the caller may read); every entity when
 * `undefined`.
 */
export type VisibleEntities = ReadonlySet<string> | undefined;

/**
 * Campaign progress, read from the rows the result writer keeps per
 * targeted entity, and what the campaign tracker records: daily snapshots
 * and milestones. Reads for a caller take the entities it may read and
 * leave the others out of counts and lists.
 *
 * @public
 */
export interface CampaignQueries {
  /** The counts of each campaign, by campaign id, in one grouped query. */
  progressOf(
    campaigns: readonly CampaignKey[],
    visible: VisibleEntities,
  ): Promise<Map<string, CampaignCounts>>;

  /**
   * The campaign's counts, and its progress per owner, system and domain,
   * the least advanced first, at most `limit` of each.
   */
  breakdown(
    campaign: CampaignKey,
    limit: number,
    visible: VisibleEntities,
  ): Promise<CampaignBreakdown>;

  /** Entities in entity ref order, after `after` (an entity ref). */
  listEntities(
    campaign: CampaignKey,
    filter: CampaignEntityFilter,
    page: { limit: number; after?: string },
    visible: VisibleEntities,
  ): Promise<CampaignEntityRows>;

  /**
   * Entities per (level, level were the advisory goal checks enforced)
   * pair that differ. Only for a campaign that promotes its advisory
   * checks: the rows of others hold no such level.
   */
  levelChanges(
    campaign: CampaignKey,
    visible: VisibleEntities,
  ): Promise<CampaignEnforcementPreview['levelChanges']>;

  /**
   * The recorded days from `from` to `to` (YYYY-MM-DD, both included). For
   * a caller who sees only some entities, each day is counted again over
   * those entities from when each first met the goal and last regressed.
   */
  burnUp(
    campaign: CampaignKey,
    range: { from: string; to: string },
    visible: VisibleEntities,
  ): Promise<CampaignBurnUpPoint[]>;

  /** Records (or replaces) the day's point of the burn-up. */
  recordSnapshot(
    campaignId: string,
    day: string,
    counts: { targeted: number; met: number },
  ): Promise<void>;

  /** The milestones the campaign has reached, by key. */
  reachedMilestones(campaignId: string): Promise<Set<string>>;

  /**
   * Inserts the milestone and runs `inTransaction` in the same
   * transaction; false, and nothing done, when it was already reached (by
   * this or another replica). A failing `inTransaction` undoes the insert.
   */
  reachMilestone(
    campaignId: string,
    milestone: string,
    at: Date,
    details: object,
    inTransaction: (tx: Knex.Transaction) => Promise<void>,
  ): Promise<boolean>;

  /**
   * Per owner with targeted entities (those with most open first, at most
   * 1,000): its open entities and the checks they most need; over every
   * entity, for the tracker's milestones.
   */
  ownerStandings(campaign: CampaignKey): Promise<CampaignOwnerStanding[]>;
}
