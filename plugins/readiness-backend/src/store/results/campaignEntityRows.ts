import { Knex } from 'knex';
import { ScorecardResult } from '@readiness/plugin-readiness-common';
import { chunks, ROWS_PER_STATEMENT } from '../batches';
import { CAMPAIGN_ENTITIES_TABLE, CampaignEntityRow } from '../tables';
import { attributeColumns } from './attributeColumns';
import { EntityToStore } from './ResultWriter';

/** A result the writer stores, of an entity. */
export interface WrittenResult {
  entity: EntityToStore;
  result: ScorecardResult;
}

/** What a row keeps from before: when the goal was met, and lost. */
type StoredCampaignRow = Pick<
  CampaignEntityRow,
  | 'campaign_id'
  | 'entity_ref'
  | 'scorecard_id'
  | 'met'
  | 'met_at'
  | 'regressed_at'
>;

/** The rows to write and the `[campaign_id, entity_ref]` keys to delete. */
export interface CampaignRowChanges {
  rows: CampaignEntityRow[];
  gone: Array<[string, string]>;
}

const key = (campaignId: string, entityRef: string) =>
  JSON.stringify([campaignId, entityRef]);

/** Milliseconds; PostgreSQL returns bigint columns as strings. */
function millis(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}

/** The row of one campaign item, from the stored row of it if any. */
function campaignRow(
  { entity, result }: WrittenResult,
  item: NonNullable<ScorecardResult['campaigns']>[number],
  stored: StoredCampaignRow | undefined,
): CampaignEntityRow {
  const now = Date.parse(result.evaluatedAt);
  const wasMet = Boolean(stored?.met);
  const { owner_ref, system_ref, domain_ref } = attributeColumns(
    entity.attributes,
  );
  return {
    campaign_id: item.campaign,
    entity_ref: entity.ref,
    scorecard_id: result.scorecard.id,
    owner_ref,
    system_ref,
    domain_ref,
    level: result.level,
    level_if_enforced: item.levelIfEnforced ?? null,
    met: item.met,
    open_checks: JSON.stringify(item.openChecks),
    met_at: millis(stored?.met_at ?? null) ?? (item.met ? now : null),
    regressed_at:
      wasMet && !item.met ? now : millis(stored?.regressed_at ?? null),
    updated_at: now,
  };
}

/**
 * How the campaign rows of these entities follow the results written and
 * removed: a row per campaign item of a written result (the first time the
 * goal was met is kept, and the time it was lost once met is set); rows of
 * the written or removed scorecards' campaigns that no item names go.
 * Rows of results not written stay as they are.
 */
export function campaignRowChanges(
  written: WrittenResult[],
  removed: Array<[entityRef: string, scorecardId: string]>,
  stored: StoredCampaignRow[],
): CampaignRowChanges {
  const storedByKey = new Map(
    stored.map(row => [key(row.campaign_id, row.entity_ref), row]),
  );
  const rows = written.flatMap(write =>
    (write.result.campaigns ?? []).map(item =>
      campaignRow(
        write,
        item,
        storedByKey.get(key(item.campaign, write.entity.ref)),
      ),
    ),
  );
  const kept = new Set(rows.map(row => key(row.campaign_id, row.entity_ref)));
  const touched = new Set(
    [
      ...written.map(w => [w.entity.ref, w.result.scorecard.id]),
      ...removed,
    ].map(([entityRef, scorecardId]) => key(scorecardId, entityRef)),
  );
  const gone = stored
    .filter(
      row =>
        touched.has(key(row.scorecard_id, row.entity_ref)) &&
        !kept.has(key(row.campaign_id, row.entity_ref)),
    )
    .map((row): [string, string] => [row.campaign_id, row.entity_ref]);
  return { rows, gone };
}

/**
 * Brings the campaign rows of these entities up to date with the results
 * written and removed (see {@link campaignRowChanges}): a read, a delete
 * and an upsert per few hundred entities.
 */
export async function updateCampaignRows(
  tx: Knex.Transaction,
  written: WrittenResult[],
  removed: Array<[entityRef: string, scorecardId: string]>,
): Promise<void> {
  const entityRefs = [
    ...new Set([...written.map(w => w.entity.ref), ...removed.map(r => r[0])]),
  ];
  if (entityRefs.length === 0) {
    return;
  }
  const stored: StoredCampaignRow[] = [];
  for (const chunk of chunks(entityRefs, ROWS_PER_STATEMENT)) {
    stored.push(
      ...(await tx(CAMPAIGN_ENTITIES_TABLE)
        .whereIn('entity_ref', chunk)
        .select(
          'campaign_id',
          'entity_ref',
          'scorecard_id',
          'met',
          'met_at',
          'regressed_at',
        )),
    );
  }
  const { rows, gone } = campaignRowChanges(written, removed, stored);
  for (const chunk of chunks(gone, ROWS_PER_STATEMENT)) {
    await tx(CAMPAIGN_ENTITIES_TABLE)
      .whereIn(['campaign_id', 'entity_ref'], chunk)
      .delete();
  }
  for (const chunk of chunks(rows, ROWS_PER_STATEMENT)) {
    await tx(CAMPAIGN_ENTITIES_TABLE)
      .insert(chunk)
      .onConflict(['campaign_id', 'entity_ref'])
      .merge();
  }
}

/** Deletes every campaign row of these entities, whose results went. */
export async function deleteCampaignRowsOf(
  tx: Knex.Transaction,
  entityRefs: string[],
): Promise<void> {
  for (const chunk of chunks(entityRefs, ROWS_PER_STATEMENT)) {
    await tx(CAMPAIGN_ENTITIES_TABLE).whereIn('entity_ref', chunk).delete();
  }
}
