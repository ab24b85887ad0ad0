import type {
  ChangeCause,
  TeamEntity,
  TeamRegression,
} from '@readiness/plugin-readiness-common';
import { Knex } from 'knex';
import { compareText } from '../../lib/compareText';
import { openChecksOf } from '../campaigns/campaignRows';
import { mostNeededChecks } from '../campaigns/mostNeededChecks';
import { isoTime } from '../dialect';
import { aggregateOver } from '../resultQueries';
import {
  CAMPAIGN_ENTITIES_TABLE,
  HISTORY_TABLE,
  RESULTS_TABLE,
} from '../tables';
import {
  TALLIED_OPEN_ENTITIES,
  TeamOpenItems,
  TeamQueries,
  TeamScope,
} from './TeamQueries';

interface MemberRow {
  entity_ref: string;
  owner_ref: string;
  level: string | null;
  score: number | string;
}

interface DropRow {
  id: number | string;
  entity_ref: string;
  scorecard_id: string;
  changed_at: Date | string | number;
  level_before: string | null;
  level_after: string | null;
  cause: ChangeCause;
}

/** The knex implementation of {@link TeamQueries}. */
export class DatabaseTeamQueries implements TeamQueries {
  constructor(private readonly db: Knex) {}

  async lowestScored(scope: TeamScope, limit: number): Promise<TeamEntity[]> {
    if (scope.owners.length === 0) {
      return [];
    }
    // Each chunk of visible entities gives its own lowest; merged here.
    const rows = await aggregateOver<MemberRow>(
      scope.visible,
      'entity_ref',
      () =>
        this.db(RESULTS_TABLE)
          .where({ scorecard_id: scope.scorecardId })
          .whereIn('owner_ref', scope.owners)
          .select('entity_ref', 'owner_ref', 'level', 'score')
          .orderBy([
            { column: 'score', order: 'asc' },
            { column: 'entity_ref', order: 'asc' },
          ])
          .limit(limit),
    );
    return rows
      .map(row => ({
        entityRef: row.entity_ref,
        owner: row.owner_ref,
        level: row.level,
        score: Number(row.score),
      }))
      .sort(
        (a, b) => a.score - b.score || compareText(a.entityRef, b.entityRef),
      )
      .slice(0, limit);
  }

  async openCampaignItems(
    scope: TeamScope,
    campaignIds: readonly string[],
    limits: { campaigns: number; entities: number; checks: number },
  ): Promise<Map<string, TeamOpenItems>> {
    const items = new Map<string, TeamOpenItems>();
    if (scope.owners.length === 0 || campaignIds.length === 0) {
      return items;
    }
    const open = () =>
      this.db(CAMPAIGN_ENTITIES_TABLE)
        .where({ scorecard_id: scope.scorecardId })
        .whereIn('owner_ref', scope.owners)
        .whereRaw('not met');
    const counted = await aggregateOver<{
      campaign_id: string;
      n: number | string;
    }>(scope.visible, 'entity_ref', () =>
      open()
        .whereIn('campaign_id', campaignIds)
        .groupBy('campaign_id')
        .select('campaign_id')
        .count({ n: '*' }),
    );
    const counts = new Map<string, number>();
    for (const row of counted) {
      counts.set(
        row.campaign_id,
        (counts.get(row.campaign_id) ?? 0) + Number(row.n),
      );
    }
    const detailed = campaignIds
      .filter(campaignId => counts.has(campaignId))
      .slice(0, limits.campaigns);
    for (const campaignId of detailed) {
      const rows = await aggregateOver<{
        entity_ref: string;
        open_checks: string;
      }>(scope.visible, 'entity_ref', () =>
        open()
          .where({ campaign_id: campaignId })
          .select('entity_ref', 'open_checks')
          .orderBy('entity_ref')
          .limit(TALLIED_OPEN_ENTITIES),
      );
      const first = rows
        .sort((a, b) => compareText(a.entity_ref, b.entity_ref))
        .slice(0, TALLIED_OPEN_ENTITIES);
      items.set(campaignId, {
        open: counts.get(campaignId)!,
        entities: first.slice(0, limits.entities).map(row => row.entity_ref),
        checks: mostNeededChecks(first.map(openChecksOf), limits.checks),
      });
    }
    return items;
  }

  async levelDrops(
    scope: TeamScope,
    levels: readonly string[],
    since: Date,
    limit: number,
  ): Promise<TeamRegression[]> {
    if (scope.owners.length === 0 || levels.length === 0) {
      return [];
    }
    const rank = (column: string) => {
      const cases = levels.map((_, i) => `WHEN ?? = ? THEN ${i + 1}`);
      return {
        sql: `CASE ${cases.join(' ')} ELSE 0 END`,
        bindings: levels.flatMap(level => [column, level]),
      };
    };
    const before = rank(`${HISTORY_TABLE}.level_before`);
    const after = rank(`${HISTORY_TABLE}.level_after`);
    const rows = await aggregateOver<DropRow>(
      scope.visible,
      `${HISTORY_TABLE}.entity_ref`,
      () =>
        this.db(HISTORY_TABLE)
          .join(RESULTS_TABLE, join =>
            join
              .on(`${RESULTS_TABLE}.entity_ref`, `${HISTORY_TABLE}.entity_ref`)
              .andOn(
                `${RESULTS_TABLE}.scorecard_id`,
                `${HISTORY_TABLE}.scorecard_id`,
              ),
          )
          .where(`${HISTORY_TABLE}.scorecard_id`, scope.scorecardId)
          .whereIn(`${RESULTS_TABLE}.owner_ref`, scope.owners)
          .where(`${HISTORY_TABLE}.changed_at`, '>=', since)
          .whereRaw(`(${before.sql}) > (${after.sql})`, [
            ...before.bindings,
            ...after.bindings,
          ])
          .select(
            `${HISTORY_TABLE}.id`,
            `${HISTORY_TABLE}.entity_ref`,
            `${HISTORY_TABLE}.scorecard_id`,
            `${HISTORY_TABLE}.changed_at`,
            `${HISTORY_TABLE}.level_before`,
            `${HISTORY_TABLE}.level_after`,
            `${HISTORY_TABLE}.cause`,
          )
          .orderBy([
            { column: `${HISTORY_TABLE}.changed_at`, order: 'desc' },
            { column: `${HISTORY_TABLE}.id`, order: 'desc' },
          ])
          .limit(limit),
    );
    const newestFirst = (a: DropRow, b: DropRow) =>
      new Date(b.changed_at).getTime() - new Date(a.changed_at).getTime() ||
      Number(b.id) - Number(a.id);
    return rows
      .sort(newestFirst)
      .slice(0, limit)
      .map(row => ({
        entityRef: row.entity_ref,
        scorecard: row.scorecard_id,
        changedAt: isoTime(row.changed_at),
        levelBefore: row.level_before,
        levelAfter: row.level_after,
        cause: row.cause,
      }));
  }
}
