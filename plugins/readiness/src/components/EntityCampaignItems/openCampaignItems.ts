import {
  campaignPhase,
  type CampaignItem,
  type CampaignPhase,
  type EntityReadiness,
} from '@readiness/plugin-readiness-common';

/** A campaign the entity has still to meet, with its checks' titles. */
export interface OpenCampaignItem {
  item: CampaignItem;
  phase: CampaignPhase;
  daysLeft: number;
  /** The checks still to fix, by title. */
  checks: string[];
}

/**
 * The campaigns of the entity's results that it does not meet and that
 * have started: running ones, and ended ones (overdue); the soonest due
 * first. Scheduled ones are left out: nothing is asked yet.
 */
export function openCampaignItems(
  readiness: EntityReadiness,
  now: Date,
): OpenCampaignItem[] {
  return readiness.scorecards
    .flatMap(result => {
      const titles = new Map(result.checks.map(c => [c.id, c.title]));
      return (result.campaigns ?? []).map(item => ({
        item,
        ...campaignPhase(item, now),
        checks: item.openChecks.map(id => titles.get(id) ?? id),
      }));
    })
    .filter(open => !open.item.met && open.phase !== 'scheduled')
    .sort(
      (a, b) =>
        a.item.dueAt.localeCompare(b.item.dueAt) ||
        a.item.title.localeCompare(b.item.title),
    );
}
