import {
  daysBetween,
  type CampaignPhase,
} from '@readiness/plugin-readiness-common';

/** Where a campaign stands in time, as the API or `campaignPhase` gives it. */
export interface CampaignTime {
  phase: CampaignPhase;
  /** Whole days until the end of `dueAt` (0 on that day), negative after. */
  daysLeft: number;
  /** YYYY-MM-DD. */
  startsAt: string;
  /** YYYY-MM-DD. */
  dueAt: string;
}

/** How a campaign's time is put in words: which message, with which count. */
export type CampaignTimeWords =
  | { key: 'startsIn' | 'dueIn' | 'endedAgo'; count: number }
  | { key: 'dueToday' };

/**
 * "starts in 3 days", "due in 12 days", "due today" or "ended 5 days ago".
 * The days to the start follow from `daysLeft`, so that the words agree
 * with the phase the backend (or the engine) decided.
 */
export function campaignTimeWords(time: CampaignTime): CampaignTimeWords {
  if (time.phase === 'scheduled') {
    return {
      key: 'startsIn',
      count: Math.max(
        1,
        time.daysLeft - daysBetween(time.startsAt, time.dueAt),
      ),
    };
  }
  if (time.phase === 'ended') {
    return { key: 'endedAgo', count: Math.max(1, -time.daysLeft) };
  }
  return time.daysLeft === 0
    ? { key: 'dueToday' }
    : { key: 'dueIn', count: time.daysLeft };
}
