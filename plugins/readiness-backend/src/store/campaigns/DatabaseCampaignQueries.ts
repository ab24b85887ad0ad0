import {
  CampaignBurnUpPoint,
  CampaignEnforcementPreview,
  endOfUtcDay,
  LeaderboardGrouping,
} from '@readiness/plugin-readiness-common';
import { Knex } from 'knex';
import { CampaignOwnerStanding } from '../../campaigns/campaignListeners';
import { compareText } from '../../lib/compareText';
import { isUniqueViolation } from '../dialect';
import { aggregateOver } from '../resultQueries';
import {
  CAMPAIGN_ENTITIES_TABLE,
  CAMPAIGN_MILESTONES_TABLE,
  CAMPAIGN_SNAPSHOTS_TABLE,
  CampaignEntityRow,
} from '../tables';
import { listCampaignEntities } from './campaignEntityPage';
import { groupProgress } from './campaignGroupProgress';
import { ownerStandingsOf } from './campaignOwnerStandings';
import {
  CampaignBreakdown,
  CampaignCounts,
  CampaignEntityFilter,
  CampaignEntityRows,
  CampaignKey,
  CampaignQueries,
  VisibleEntities,
} from './CampaignQueries';
import { millisOf, rowsOfCampaign } from './campaignRows';

type Count = number | string;

/** The knex implementation of {@link CampaignQueries}. */
export class DatabaseCampaignQueries implements CampaignQueries {
  constructor(private readonly db: Knex) {}

  async progressOf(
    campaigns: readonly CampaignKey[],
    visible: VisibleEntities,
  ): Promise<Map<string, CampaignCounts>> {
    const counts = new Map<string, CampaignCounts>();
    if (campaigns.length === 0) {
      return counts;
    }
    const scorecardOf = new Map(
      campaigns.map(c => [c.campaignId, c.scorecardId]),
    );
    // Grouped by what the progress index holds, so that the database
    // counts from it alone: per campaign, scorecard and `met`, with the
    // regressed among them (`count` of a column skips nulls).
    const rows = await aggregateOver<{
      campaign_id: string;
      scorecard_id: string;
      met: boolean | number;
      entities: Count;
      regressed: Count;
    }>(visible, 'entity_ref', () =>
      this.db(CAMPAIGN_ENTITIES_TABLE)
        .whereIn('campaign_id', [...scorecardOf.keys()])
        .groupBy('campaign_id', 'scorecard_id', 'met')
        .select('campaign_id', 'scorecard_id', 'met')
        .count({ entities: '*', regressed: 'regressed_at' }),
    );
    for (const row of rows) {
      // Rows the campaign left under another scorecard do not count.
      if (scorecardOf.get(row.campaign_id) !== row.scorecard_id) {
        continue;
      }
      const sum = counts.get(row.campaign_id) ?? {
        targeted: 0,
        met: 0,
        regressed: 0,
      };
      // Counts come back as strings from PostgreSQL and MySQL; chunks of
      // visible entities give partial counts that add up.
      const entities = Number(row.entities);
      sum.targeted += entities;
      if (row.met) {
        sum.met += entities;
      } else {
        sum.regressed += Number(row.regressed);
      }
      counts.set(row.campaign_id, sum);
    }
    return counts;
  }

  async breakdown(
    campaign: CampaignKey,
    limit: number,
    visible: VisibleEntities,
  ): Promise<CampaignBreakdown> {
    const groups = (groupBy: LeaderboardGrouping) =>
      groupProgress(this.db, campaign, groupBy, limit, visible);
    const [counts, byOwner, bySystem, byDomain] = await Promise.all([
      this.progressOf([campaign], visible),
      groups('owner'),
      groups('system'),
      groups('domain'),
    ]);
    return {
      counts: counts.get(campaign.campaignId) ?? {
        targeted: 0,
        met: 0,
        regressed: 0,
      },
      byOwner,
      bySystem,
      byDomain,
    };
  }

  listEntities(
    campaign: CampaignKey,
    filter: CampaignEntityFilter,
    page: { limit: number; after?: string },
    visible: VisibleEntities,
  ): Promise<CampaignEntityRows> {
    return listCampaignEntities(this.db, campaign, filter, page, visible);
  }

  async levelChanges(
    campaign: CampaignKey,
    visible: VisibleEntities,
  ): Promise<CampaignEnforcementPreview['levelChanges']> {
    const rows = await aggregateOver<{
      level: string | null;
      level_if_enforced: string | null;
      entities: Count;
    }>(visible, 'entity_ref', () =>
      rowsOfCampaign(this.db, campaign)
        // Differ, a missing level (below the first) included.
        .where(q =>
          q
            .whereRaw('level <> level_if_enforced')
            .orWhere(n =>
              n.whereNull('level').whereNotNull('level_if_enforced'),
            )
            .orWhere(n =>
              n.whereNotNull('level').whereNull('level_if_enforced'),
            ),
        )
        .groupBy('level', 'level_if_enforced')
        .select('level', 'level_if_enforced')
        .count({ entities: '*' }),
    );
    const changes = new Map<
      string,
      CampaignEnforcementPreview['levelChanges'][number]
    >();
    for (const row of rows) {
      const key = JSON.stringify([row.level, row.level_if_enforced]);
      const change = changes.get(key) ?? {
        from: row.level,
        to: row.level_if_enforced,
        entities: 0,
      };
      change.entities += Number(row.entities);
      changes.set(key, change);
    }
    return [...changes.values()].sort(
      (a, b) =>
        b.entities - a.entities ||
        compareText(String(a.from), String(b.from)) ||
        compareText(String(a.to), String(b.to)),
    );
  }

  async burnUp(
    campaign: CampaignKey,
    range: { from: string; to: string },
    visible: VisibleEntities,
  ): Promise<CampaignBurnUpPoint[]> {
    const points: CampaignBurnUpPoint[] = (
      await this.db(CAMPAIGN_SNAPSHOTS_TABLE)
        .where({ campaign_id: campaign.campaignId })
        .whereBetween('day', [range.from, range.to])
        .orderBy('day')
        .select('day', 'targeted', 'met')
    ).map((row: CampaignBurnUpPoint) => ({
      day: row.day,
      targeted: Number(row.targeted),
      met: Number(row.met),
    }));
    if (!visible || points.length === 0) {
      return points;
    }
    // The snapshots count every entity: for a caller who sees some only,
    // each day is counted again over those, from the rows' times.
    const rows = await aggregateOver<
      Pick<CampaignEntityRow, 'met' | 'met_at' | 'regressed_at'>
    >(visible, 'entity_ref', () =>
      rowsOfCampaign(this.db, campaign).select('met', 'met_at', 'regressed_at'),
    );
    const entities = rows.map(row => ({
      met: Boolean(row.met),
      metAt: millisOf(row.met_at),
      regressedAt: millisOf(row.regressed_at),
    }));
    return points.map(({ day }) => {
      const end = endOfUtcDay(day)!;
      const met = entities.filter(
        e =>
          e.metAt !== undefined &&
          e.metAt <= end &&
          (e.met || (e.regressedAt !== undefined && e.regressedAt > end)),
      ).length;
      return { day, targeted: entities.length, met };
    });
  }

  async recordSnapshot(
    campaignId: string,
    day: string,
    counts: { targeted: number; met: number },
  ): Promise<void> {
    await this.db(CAMPAIGN_SNAPSHOTS_TABLE)
      .insert({
        campaign_id: campaignId,
        day,
        targeted: counts.targeted,
        met: counts.met,
      })
      .onConflict(['campaign_id', 'day'])
      .merge(['targeted', 'met']);
  }

  async reachedMilestones(campaignId: string): Promise<Set<string>> {
    const rows: Array<{ milestone: string }> = await this.db(
      CAMPAIGN_MILESTONES_TABLE,
    )
      .where({ campaign_id: campaignId })
      .select('milestone');
    return new Set(rows.map(row => row.milestone));
  }

  async reachMilestone(
    campaignId: string,
    milestone: string,
    at: Date,
    details: object,
    inTransaction: (tx: Knex.Transaction) => Promise<void>,
  ): Promise<boolean> {
    let inserted = false;
    try {
      await this.db.transaction(async tx => {
        // First in the transaction: a replica that inserts it second waits
        // for the first to commit, then fails on the primary key.
        await tx(CAMPAIGN_MILESTONES_TABLE).insert({
          campaign_id: campaignId,
          milestone,
          reached_at: at.getTime(),
          details: JSON.stringify(details),
        });
        inserted = true;
        await inTransaction(tx);
      });
      return true;
    } catch (error) {
      if (!inserted && isUniqueViolation(error)) {
        return false;
      }
      throw error;
    }
  }

  ownerStandings(campaign: CampaignKey): Promise<CampaignOwnerStanding[]> {
    return ownerStandingsOf(this.db, campaign);
  }
}
