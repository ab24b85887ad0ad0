import { CampaignEntity } from '@readiness/plugin-readiness-common';
import { Knex } from 'knex';
import { CAMPAIGN_ENTITIES_TABLE, CampaignEntityRow } from '../tables';
import { CampaignKey } from './CampaignQueries';

/**
 * Entities that meet the goal, as a sum: `met` is a boolean on PostgreSQL
 * and 0 or 1 on SQLite and MySQL, all true in a condition.
 */
export const MET_SUM = 'sum(case when met then 1 else 0 end)';

/** Entities that met the goal once and no longer do, as a sum. */
export const REGRESSED_SUM =
  'sum(case when not met and regressed_at is not null then 1 else 0 end)';

/** The rows of one campaign (its id, written for its scorecard). */
export function rowsOfCampaign(
  db: Knex,
  campaign: CampaignKey,
): Knex.QueryBuilder {
  return db(CAMPAIGN_ENTITIES_TABLE).where({
    campaign_id: campaign.campaignId,
    scorecard_id: campaign.scorecardId,
  });
}

/** Milliseconds come back as strings from PostgreSQL's bigint. */
export function millisOf(value: number | string | null): number | undefined {
  return value === null ? undefined : Number(value);
}

/** The open checks column: a JSON array of check ids. */
export function openChecksOf(row: Pick<CampaignEntityRow, 'open_checks'>) {
  return JSON.parse(row.open_checks) as string[];
}

function isoOf(value: number | string | null): string | undefined {
  const millis = millisOf(value);
  return millis === undefined ? undefined : new Date(millis).toISOString();
}

export function campaignEntityOf(row: CampaignEntityRow): CampaignEntity {
  const metAt = isoOf(row.met_at);
  const regressedAt = isoOf(row.regressed_at);
  return {
    entityRef: row.entity_ref,
    owner: row.owner_ref,
    system: row.system_ref,
    domain: row.domain_ref,
    level: row.level,
    met: Boolean(row.met),
    openChecks: openChecksOf(row),
    ...(metAt ? { metAt } : {}),
    ...(regressedAt ? { regressedAt } : {}),
  };
}
