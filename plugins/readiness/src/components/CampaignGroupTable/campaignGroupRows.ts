import type {
  CampaignDetails,
  CampaignGroupProgress,
  LeaderboardGrouping,
} from '@readiness/plugin-readiness-common';

/** A group's progress as the table keys it. */
export type CampaignGroupRow = CampaignGroupProgress & { id: string };

const GROUPS_OF: Record<
  LeaderboardGrouping,
  'byOwner' | 'bySystem' | 'byDomain'
> = { owner: 'byOwner', system: 'bySystem', domain: 'byDomain' };

/**
 * The groups of one grouping, the least advanced first (the backend sends
 * them so; sorting again keeps it true whatever it sends), then by name;
 * groups with nothing targeted last.
 */
export function campaignGroupRows(
  details: CampaignDetails,
  groupBy: LeaderboardGrouping,
): CampaignGroupRow[] {
  const rank = (group: CampaignGroupProgress) => group.share ?? 2;
  return [...details[GROUPS_OF[groupBy]]]
    .sort(
      (a, b) =>
        rank(a) - rank(b) || (a.group ?? '').localeCompare(b.group ?? ''),
    )
    .map(group => ({ ...group, id: group.group ?? '' }));
}
