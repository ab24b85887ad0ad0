import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  campaignPhase,
  CampaignDefinition,
  ScorecardStanding,
  TeamCampaignDue,
  TeamReadiness,
} from '@readiness/plugin-readiness-common';
import { CatalogVisibility } from '../api/CatalogVisibility';
import { DAY_MS, trendOf } from '../leaderboard/LeaderboardService';
import { compareText } from '../lib/compareText';
import { ScorecardRegistry } from '../scorecards/ScorecardRegistry';
import { GroupStanding, LeaderboardQueries, TeamQueries } from '../store';
import { GroupHierarchy, GroupSubtree } from './GroupHierarchy';

/** The bounds of a team view, as the contract (`teams.ts`) states them. */
const MEMBERS = 100;
const DUE_CAMPAIGNS = 20;
const DUE_ENTITIES = 5;
const DUE_CHECKS = 10;
const REGRESSIONS = 50;
const REGRESSION_DAYS = 7;
const TREND_DAYS = 30;

const NO_STANDING: ScorecardStanding = {
  entities: 0,
  averageScore: null,
  levelCounts: {},
  waivedChecks: 0,
};

/** What a team view is read from. */
export interface TeamReadinessOptions {
  registry: Pick<ScorecardRegistry, 'find' | 'campaignsOf'>;
  leaderboard: LeaderboardQueries;
  teams: TeamQueries;
  hierarchy: GroupHierarchy;
  visibility: Pick<CatalogVisibility, 'visibleEntityRefs'>;
  /** The clock; tests set it. */
  now?: () => Date;
}

/**
 * A team's view for `GET /groups/{namespace}/{name}`: the readiness of the
 * entities of a group and of the groups under it, on one scorecard. The
 * groups and entities counted are those the caller may read.
 */
export class TeamReadinessService {
  private readonly now: () => Date;

  constructor(private readonly options: TeamReadinessOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async get(
    group: { namespace: string; name: string },
    scorecardId: string,
    credentials: BackstageCredentials,
  ): Promise<TeamReadiness> {
    // A NotFoundError for a scorecard not in force, before any catalog read.
    this.options.registry.find(scorecardId);
    const [forest, visible] = await Promise.all([
      this.options.hierarchy.forCaller(credentials),
      this.options.visibility.visibleEntityRefs(credentials),
    ]);
    const ref = forest.find(`group:${group.namespace}/${group.name}`);
    if (!ref) {
      // The same answer for a group that does not exist and one the caller
      // may not read.
      throw new NotFoundError(
        `No group group:${group.namespace}/${group.name} in the catalog`,
      );
    }
    return this.readinessOf(ref, forest.subtree(ref), scorecardId, visible);
  }

  /** The view of a group the caller may read, over its subtree. */
  async readinessOf(
    group: string,
    subtree: GroupSubtree,
    scorecardId: string,
    visible: ReadonlySet<string> | undefined,
  ): Promise<TeamReadiness> {
    const { scorecard } = this.options.registry.find(scorecardId);
    const now = this.now();
    const trendSince = new Date(now.getTime() - TREND_DAYS * DAY_MS);
    const owners = subtree.groups;
    const teamScope = { scorecardId, owners, visible };
    const leaderboardScope = {
      ...teamScope,
      groupBy: 'owner' as const,
      filter: {},
      groups: owners,
      rollup: new Map([[group, owners]]),
    };
    const ofGroup = (standings: GroupStanding[]) =>
      standings.find(standing => standing.group === group);
    const [current, then, members, due, regressions] = await Promise.all([
      this.options.leaderboard.getLeaderboard(leaderboardScope).then(ofGroup),
      this.options.leaderboard
        .getLeaderboardAt(trendSince, leaderboardScope)
        .then(ofGroup),
      this.options.teams.lowestScored(teamScope, MEMBERS),
      this.dueCampaigns(teamScope, now),
      this.options.teams.levelDrops(
        teamScope,
        scorecard.levels.map(level => level.id),
        new Date(now.getTime() - REGRESSION_DAYS * DAY_MS),
        REGRESSIONS,
      ),
    ]);
    const { entities, averageScore, levelCounts, waivedChecks } =
      current ?? NO_STANDING;
    return {
      group,
      scorecard: scorecardId,
      groups: owners,
      ...(subtree.truncated && { groupsTruncated: true }),
      entities,
      averageScore,
      levelCounts,
      waivedChecks,
      trend: trendOf(averageScore, then?.averageScore ?? null, trendSince),
      members,
      due,
      regressions,
    };
  }

  /**
   * The scorecard's campaigns under way or past their deadline in which the
   * team has open entities, soonest due first.
   */
  private async dueCampaigns(
    scope: Parameters<TeamQueries['openCampaignItems']>[0],
    now: Date,
  ): Promise<TeamCampaignDue[]> {
    // Soonest due first before the read, so that only the campaigns shown
    // are read in detail, however many have ended.
    const started = this.options.registry
      .campaignsOf(scope.scorecardId)
      .map(campaign => ({ campaign, ...campaignPhase(campaign, now) }))
      .filter(({ phase }) => phase !== 'scheduled')
      .sort(
        (a, b) =>
          a.daysLeft - b.daysLeft || compareText(a.campaign.id, b.campaign.id),
      );
    const open = await this.options.teams.openCampaignItems(
      scope,
      started.map(({ campaign }) => campaign.id),
      { campaigns: DUE_CAMPAIGNS, entities: DUE_ENTITIES, checks: DUE_CHECKS },
    );
    return started.flatMap(({ campaign, daysLeft }) => {
      const items = open.get(campaign.id);
      return items ? [dueOf(campaign, daysLeft, items)] : [];
    });
  }
}

function dueOf(
  campaign: CampaignDefinition,
  daysLeft: number,
  items: { open: number; entities: string[]; checks: string[] },
): TeamCampaignDue {
  return {
    campaign: campaign.id,
    title: campaign.title,
    dueAt: campaign.dueAt,
    daysLeft,
    ...items,
  };
}
