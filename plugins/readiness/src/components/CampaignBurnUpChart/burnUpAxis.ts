import type {
  CampaignBurnUpPoint,
  CampaignSummary,
} from '@readiness/plugin-readiness-common';

/** A YYYY-MM-DD day as the chart's x value: its UTC midnight. */
export const dayTime = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** A day's x value back to YYYY-MM-DD, the form the page shows dates in. */
export const formatDay = (time: number) =>
  new Date(time).toISOString().slice(0, 10);

/** The burn-up's time axis: its range and where its labels stand. */
export interface BurnUpAxis {
  domain: [number, number];
  ticks: number[];
}

/**
 * The whole campaign, from its first day to its deadline, however few days
 * are recorded yet (and any recorded day outside it), labelled at its ends,
 * the campaign's start and deadline, and the last recorded day: so that the
 * time gone and the time left show.
 */
export function burnUpAxis(
  campaign: Pick<CampaignSummary, 'startsAt' | 'dueAt'>,
  points: CampaignBurnUpPoint[],
): BurnUpAxis {
  const start = dayTime(campaign.startsAt);
  const deadline = dayTime(campaign.dueAt);
  // The points come oldest first.
  const first = points.length ? dayTime(points[0].day) : start;
  const last = points.length ? dayTime(points[points.length - 1].day) : start;
  const domain: [number, number] = [
    Math.min(start, first),
    Math.max(deadline, last),
  ];
  const labelled = [domain[0], start, last, deadline, domain[1]];
  return {
    domain,
    ticks: [...new Set(labelled)].sort((a, b) => a - b),
  };
}
