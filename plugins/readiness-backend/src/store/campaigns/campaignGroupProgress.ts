import {
  CampaignGroupProgress,
  LeaderboardGrouping,
} from '@readiness/plugin-readiness-common';
import { Knex } from 'knex';
import { progressOf } from '../../campaigns/campaignProgress';
import { compareText } from '../../lib/compareText';
import { aggregateOver, GROUP_COLUMNS } from '../resultQueries';
import { CampaignKey, VisibleEntities } from './CampaignQueries';
import { MET_SUM, rowsOfCampaign } from './campaignRows';

type Count = number | string;

/** The share met, as a fraction (not an integer division). */
const MET_SHARE = 'sum(case when met then 1.0 else 0 end) / count(*)';

/** By ref, entities that declare none first. */
function byRef(a: string | null, b: string | null): number {
  if (a === null || b === null) {
    return Number(b === null) - Number(a === null);
  }
  return compareText(a, b);
}

/** Least advanced first; then the larger group; then by ref, none first. */
function leastAdvancedFirst(
  a: CampaignGroupProgress,
  b: CampaignGroupProgress,
): number {
  return (
    (a.share ?? 0) - (b.share ?? 0) ||
    b.targeted - a.targeted ||
    byRef(a.group, b.group)
  );
}

/**
 * Progress per owner, system or domain, the least advanced first, at most
 * `limit`. Over every entity, the database ranks the groups and sends the
 * first ones only. Over chunks of visible entities, each chunk gives
 * partial groups, which are added up, ranked and cut here.
 */
export async function groupProgress(
  db: Knex,
  campaign: CampaignKey,
  groupBy: LeaderboardGrouping,
  limit: number,
  visible: VisibleEntities,
): Promise<CampaignGroupProgress[]> {
  const column = GROUP_COLUMNS[groupBy];
  const rows = await aggregateOver<{
    group_ref: string | null;
    targeted: Count;
    met: Count | null;
  }>(visible, 'entity_ref', () => {
    const query = rowsOfCampaign(db, campaign)
      .groupBy(column)
      .select({ group_ref: column })
      .count({ targeted: '*' })
      .select(db.raw(`${MET_SUM} as met`));
    if (!visible) {
      query
        .orderByRaw(
          `${MET_SHARE}, count(*) desc, case when ?? is null then 0 else 1 end, ??`,
          [column, column],
        )
        .limit(limit);
    }
    return query;
  });
  // Counts and sums come back as strings from PostgreSQL and MySQL.
  const progress = (targeted: number, met: number, group: string | null) => ({
    group,
    ...progressOf({ targeted, met }),
  });
  if (!visible) {
    return rows.map(row =>
      progress(Number(row.targeted), Number(row.met ?? 0), row.group_ref),
    );
  }
  const groups = new Map<string | null, { targeted: number; met: number }>();
  for (const row of rows) {
    const sum = groups.get(row.group_ref) ?? { targeted: 0, met: 0 };
    sum.targeted += Number(row.targeted);
    sum.met += Number(row.met ?? 0);
    groups.set(row.group_ref, sum);
  }
  return [...groups]
    .map(([group, sum]) => progress(sum.targeted, sum.met, group))
    .sort(leastAdvancedFirst)
    .slice(0, limit);
}
