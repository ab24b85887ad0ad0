import { CheckAdvisory } from '../types';
import { CompiledCampaign } from './compileCampaign';
import { CompiledScorecard } from './compileScorecard';

/**
 * Why each check is advisory on `today` (YYYY-MM-DD), by check index, or
 * `undefined` when no check is. A check is advisory with `enforcement:
 * advisory`, or before its `enforcedFrom`. A campaign that promotes it
 * (`targeting`, soonest due first) enforces it from the day after its
 * deadline, when that is earlier; then the advisory names the campaign.
 */
export function advisoryChecks(
  scorecard: CompiledScorecard,
  targeting: readonly CompiledCampaign[],
  today: string,
): Array<CheckAdvisory | undefined> | undefined {
  let advisories: Array<CheckAdvisory | undefined> | undefined;
  for (const index of scorecard.advisoryChecks) {
    let enforcedFrom = scorecard.checks[index].definition.enforcedFrom;
    let campaign: string | undefined;
    for (const promoting of targeting) {
      const from = promoting.promotesFrom;
      if (
        from !== undefined &&
        promoting.promoted.has(index) &&
        (enforcedFrom === undefined || from < enforcedFrom)
      ) {
        enforcedFrom = from;
        campaign = promoting.definition.id;
      }
    }
    if (enforcedFrom !== undefined && today >= enforcedFrom) {
      continue;
    }
    advisories ??= new Array(scorecard.checks.length);
    advisories[index] = {
      ...(enforcedFrom !== undefined && { enforcedFrom }),
      ...(campaign !== undefined && { campaign }),
    };
  }
  return advisories;
}
