import { Knex } from 'knex';
import { aggregateOver, whereGroupIs } from '../resultQueries';
import { CampaignEntityRow } from '../tables';
import {
  CampaignEntityFilter,
  CampaignEntityRows,
  CampaignKey,
  VisibleEntities,
} from './CampaignQueries';
import { campaignEntityOf, rowsOfCampaign } from './campaignRows';

/** Entity refs per query when a page is narrowed to the visible entities. */
const REFS_PER_QUERY = 1000;

/** Rows read per query when there are more visible entities than that. */
const SCAN_BATCH = 1000;

/** The campaign's rows that match the filter. */
function matching(
  db: Knex,
  campaign: CampaignKey,
  filter: CampaignEntityFilter,
): Knex.QueryBuilder {
  const query = rowsOfCampaign(db, campaign);
  if (filter.status === 'open') {
    query.where('met', false);
  } else if (filter.status === 'met') {
    query.where('met', true);
  } else if (filter.status === 'regressed') {
    query.where('met', false).whereNotNull('regressed_at');
  }
  if (filter.owner !== undefined) {
    whereGroupIs(query, 'owner_ref', filter.owner);
  }
  return query;
}

/**
 * Up to `limit` rows after `after`, in the database's order of entity refs
 * (its collation, which the keyset follows; JavaScript's order may differ).
 * Narrowed to few visible entities, one query names them; to more, the
 * rows are read in order a batch at a time and the others skipped, so that
 * no query carries more refs than databases accept.
 */
async function pageRows(
  build: () => Knex.QueryBuilder,
  limit: number,
  after: string | undefined,
  visible: VisibleEntities,
): Promise<CampaignEntityRow[]> {
  const ordered = (from: string | undefined, rows: number) =>
    build()
      .modify(q => {
        if (from !== undefined) {
          q.where('entity_ref', '>', from);
        }
      })
      .orderBy('entity_ref')
      .limit(rows)
      .select('*');
  if (!visible) {
    return ordered(after, limit);
  }
  if (visible.size <= REFS_PER_QUERY) {
    return ordered(after, limit).whereIn('entity_ref', [...visible]);
  }
  const rows: CampaignEntityRow[] = [];
  let from = after;
  for (;;) {
    const batch: CampaignEntityRow[] = await ordered(from, SCAN_BATCH);
    for (const row of batch) {
      if (visible.has(row.entity_ref)) {
        rows.push(row);
        if (rows.length === limit) {
          return rows;
        }
      }
    }
    if (batch.length < SCAN_BATCH) {
      return rows;
    }
    from = batch[batch.length - 1].entity_ref;
  }
}

/**
 * A page of a campaign's entities in entity ref order (the database's
 * order of the column, which the keyset follows) and how many match.
 */
export async function listCampaignEntities(
  db: Knex,
  campaign: CampaignKey,
  filter: CampaignEntityFilter,
  page: { limit: number; after?: string },
  visible: VisibleEntities,
): Promise<CampaignEntityRows> {
  const build = () => matching(db, campaign, filter);
  // One more than the page says whether another follows.
  const [rows, counts] = await Promise.all([
    pageRows(build, page.limit + 1, page.after, visible),
    aggregateOver<{ n: number | string }>(visible, 'entity_ref', () =>
      build().count({ n: '*' }),
    ),
  ]);
  return {
    items: rows.slice(0, page.limit).map(campaignEntityOf),
    total: counts.reduce((sum, row) => sum + Number(row.n), 0),
    hasMore: rows.length > page.limit,
  };
}
