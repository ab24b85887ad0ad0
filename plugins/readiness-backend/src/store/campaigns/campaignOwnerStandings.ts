import { Knex } from 'knex';
import { CampaignOwnerStanding } from '../../campaigns/campaignListeners';
import { CampaignEntityRow } from '../tables';
import { CampaignKey } from './CampaignQueries';
import { MET_SUM, openChecksOf, rowsOfCampaign } from './campaignRows';
import { mostNeededChecks } from './mostNeededChecks';

const MAX_OWNERS = 1000;
const OPEN_ENTITIES_PER_OWNER = 5;
const OPEN_CHECKS_PER_OWNER = 10;
/** Open rows read per query. */
const SCAN_BATCH = 1000;

/** What is gathered of one owner while its open entities are read. */
interface OwnerTally {
  standing: CampaignOwnerStanding;
  openChecks: string[][];
}

/**
 * Per owner with targeted entities, those with most open first (at most
 * 1,000): the first open entities in ref order and the checks most needed.
 * The counts are one grouped query; the open rows are then read once, in
 * batches, keeping a few refs and the open checks of each owner.
 */
export async function ownerStandingsOf(
  db: Knex,
  campaign: CampaignKey,
): Promise<CampaignOwnerStanding[]> {
  const counts: Array<{
    owner_ref: string | null;
    targeted: number | string;
    met: number | string;
  }> = await rowsOfCampaign(db, campaign)
    .groupBy('owner_ref')
    .select('owner_ref')
    .count({ targeted: '*' })
    .select(db.raw(`${MET_SUM} as met`))
    .orderByRaw(
      `count(*) - ${MET_SUM} desc, case when owner_ref is null then 0 else 1 end, owner_ref`,
    )
    .limit(MAX_OWNERS);
  const tallies = new Map<string | null, OwnerTally>(
    counts.map(row => [
      row.owner_ref,
      {
        standing: {
          owner: row.owner_ref,
          targeted: Number(row.targeted),
          open: Number(row.targeted) - Number(row.met),
          openEntities: [],
          openChecks: [],
        },
        openChecks: [],
      },
    ]),
  );
  let after: string | undefined;
  for (;;) {
    const query = rowsOfCampaign(db, campaign).where('met', false);
    if (after !== undefined) {
      query.where('entity_ref', '>', after);
    }
    const batch: Array<
      Pick<CampaignEntityRow, 'entity_ref' | 'owner_ref' | 'open_checks'>
    > = await query
      .orderBy('entity_ref')
      .limit(SCAN_BATCH)
      .select('entity_ref', 'owner_ref', 'open_checks');
    for (const row of batch) {
      const tally = tallies.get(row.owner_ref);
      if (tally) {
        if (tally.standing.openEntities.length < OPEN_ENTITIES_PER_OWNER) {
          tally.standing.openEntities.push(row.entity_ref);
        }
        tally.openChecks.push(openChecksOf(row));
      }
    }
    if (batch.length < SCAN_BATCH) {
      break;
    }
    after = batch[batch.length - 1].entity_ref;
  }
  return [...tallies.values()].map(({ standing, openChecks }) => ({
    ...standing,
    openChecks: mostNeededChecks(openChecks, OPEN_CHECKS_PER_OWNER),
  }));
}
