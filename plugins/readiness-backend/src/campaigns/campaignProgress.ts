import { CampaignProgress } from '@readiness/plugin-readiness-common';

/** Targeted and met entities with the share met; `null` when none is targeted. */
export function progressOf(counts: {
  targeted: number;
  met: number;
}): CampaignProgress {
  const { targeted, met } = counts;
  return { targeted, met, share: targeted > 0 ? met / targeted : null };
}
