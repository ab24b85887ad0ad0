import { CampaignItem, CheckResult } from '@readiness/plugin-readiness-common';

/**
 * Why a check does not count yet, e.g. `advisory, enforced from 2027-04-01
 * (campaign slo-everywhere)`, or `advisory` when no date enforces it.
 */
export function advisoryLabel(check: CheckResult): string {
  const { enforcedFrom, campaign } = check.advisory ?? {};
  if (enforcedFrom === undefined) {
    return 'advisory';
  }
  return `advisory, enforced from ${enforcedFrom}${
    campaign === undefined ? '' : ` (campaign ${campaign})`
  }`;
}

/** Advisory checks that would not pass were they enforced. */
export function isAdvisoryFailing(check: CheckResult): boolean {
  return (
    check.advisory !== undefined &&
    (check.status === 'fail' || check.status === 'unknown')
  );
}

/**
 * One campaign of an entity, e.g. `campaign slo-everywhere, due 2027-03-31:
 * open: slos, alerting (level when enforced: bronze)`.
 */
export function campaignLine(item: CampaignItem): string {
  const state = item.met ? 'met' : `open: ${item.openChecks.join(', ')}`;
  const ifEnforced =
    item.levelIfEnforced === undefined
      ? ''
      : ` (level when enforced: ${item.levelIfEnforced ?? 'none'})`;
  return `campaign ${item.campaign}, due ${item.dueAt}: ${state}${ifEnforced}`;
}
