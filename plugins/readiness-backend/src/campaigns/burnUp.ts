import {
  addDays,
  CampaignBurnUpPoint,
  daysBetween,
} from '@readiness/plugin-readiness-common';

/**
 * The recorded points with today's live one in place of today's record,
 * when today is a day of the campaign.
 */
export function withLivePoint(
  recorded: readonly CampaignBurnUpPoint[],
  live: CampaignBurnUpPoint,
  campaign: { startsAt: string; dueAt: string },
): CampaignBurnUpPoint[] {
  const points = recorded.filter(p => p.day !== live.day);
  if (live.day >= campaign.startsAt && live.day <= campaign.dueAt) {
    points.push(live);
  }
  return points;
}

/**
 * The day every targeted entity would meet the goal at the pace `met`
 * grew from the first point to the last (at least two days apart); `null`
 * when there is no such pace (too few days, no growth) or nothing is left.
 */
export function projectedCompletion(
  points: readonly CampaignBurnUpPoint[],
): string | null {
  if (points.length < 2) {
    return null;
  }
  const first = points[0];
  const last = points[points.length - 1];
  const remaining = last.targeted - last.met;
  const grown = last.met - first.met;
  if (last.day < addDays(first.day, 2) || remaining <= 0 || grown <= 0) {
    return null;
  }
  // Whole UTC days: the days left are `remaining / (grown / days)`, in
  // integers so that an exact pace gives an exact day.
  const days = daysBetween(first.day, last.day);
  return addDays(last.day, Math.ceil((remaining * days) / grown));
}
