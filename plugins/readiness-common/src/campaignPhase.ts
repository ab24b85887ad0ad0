import type { CampaignDefinition, CampaignPhase } from './campaigns';
import { daysBetween, dayOf } from './calendarDays';

/**
 * Where a campaign stands on the UTC day of `now`: `scheduled` before
 * `startsAt`, `running` from it through `dueAt`, `ended` after; and the
 * whole days left to `dueAt` (0 on that day, negative after it).
 *
 * @public
 */
export function campaignPhase(
  campaign: Pick<CampaignDefinition, 'startsAt' | 'dueAt'>,
  now: Date,
): { phase: CampaignPhase; daysLeft: number } {
  const today = dayOf(now);
  let phase: CampaignPhase = 'running';
  if (today < campaign.startsAt) {
    phase = 'scheduled';
  } else if (today > campaign.dueAt) {
    phase = 'ended';
  }
  return { phase, daysLeft: daysBetween(today, campaign.dueAt) };
}
