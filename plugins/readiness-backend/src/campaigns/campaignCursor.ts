import { InputError } from '@backstage/errors';
import { CampaignEntityFilter } from '../store/campaigns/CampaignQueries';

/** What a cursor belongs to: the campaign and the filter of its list. */
function listOf(campaignId: string, filter: CampaignEntityFilter): string {
  return JSON.stringify([campaignId, filter.status, filter.owner ?? null]);
}

/**
 * The cursor after an entity of a campaign's list. It holds the last entity
 * ref of the page, which the caller has seen, and the list it belongs to,
 * so that it is refused for another list.
 */
export function encodeCampaignCursor(
  entityRef: string,
  campaignId: string,
  filter: CampaignEntityFilter,
): string {
  return Buffer.from(
    JSON.stringify({ list: listOf(campaignId, filter), after: entityRef }),
  ).toString('base64url');
}

/** The entity ref to go on after; a 400 naming `cursor` when it is not one of this list. */
export function decodeCampaignCursor(
  cursor: string | undefined,
  campaignId: string,
  filter: CampaignEntityFilter,
): string | undefined {
  if (cursor === undefined) {
    return undefined;
  }
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const { list, after } = (decoded ?? {}) as {
    list?: unknown;
    after?: unknown;
  };
  if (typeof after !== 'string' || list !== listOf(campaignId, filter)) {
    throw new InputError(
      'Invalid cursor: pass the nextCursor of a page of this campaign with the same status and owner',
    );
  }
  return after;
}
