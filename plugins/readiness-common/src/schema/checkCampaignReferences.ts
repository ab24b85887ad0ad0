import { ScorecardDefinition } from '../types';
import { hint } from './didYouMean';
import { DocumentPosition, ScorecardProblem } from './problems';
import { ParsedCampaign } from './validateCampaign';

/**
 * Unknown goal checks reported per campaign: a file of thousands of made-up
 * ids gets this many problems (the last one counts the rest), not one each.
 */
export const MAX_REPORTED_UNKNOWN_CHECKS = 20;

/**
 * The references of campaigns that do not resolve: a scorecard that is not
 * in `scorecards` (by id), or a goal level or check that is not in the
 * campaign's scorecard. Each problem is at the reference, with the name it
 * most resembles. Run it once every scorecard a campaign may name is read.
 *
 * @public
 */
export function checkCampaignReferences(
  campaigns: readonly ParsedCampaign[],
  scorecards: ReadonlyMap<string, ScorecardDefinition>,
): ScorecardProblem[] {
  const problems: ScorecardProblem[] = [];
  for (const { campaign, source, references } of campaigns) {
    const report = (at: DocumentPosition, message: string) =>
      problems.push({ source, ...at, message });
    const scorecard = scorecards.get(campaign.scorecard);
    if (scorecard === undefined) {
      report(
        references.scorecard,
        `unknown scorecard "${campaign.scorecard}"${hint(
          campaign.scorecard,
          [...scorecards.keys()],
          'scorecards',
        )}`,
      );
      continue;
    }
    const { goal } = campaign;
    const of = `of scorecard "${scorecard.id}"`;
    // A campaign built by hand may not locate its goal: then the problem
    // is at its scorecard.
    if ('level' in goal) {
      const levelIds = scorecard.levels.map(level => level.id);
      if (!levelIds.includes(goal.level)) {
        report(
          references.level ?? references.scorecard,
          `unknown level "${goal.level}" ${of}${hint(
            goal.level,
            levelIds,
            'levels',
          )}`,
        );
      }
    }
    if ('checks' in goal) {
      const checkIds = scorecard.checks.map(check => check.id);
      const known = new Set(checkIds);
      const unknown = goal.checks.flatMap((id, index) =>
        known.has(id) ? [] : [index],
      );
      const reported = unknown.slice(0, MAX_REPORTED_UNKNOWN_CHECKS);
      const unreported = unknown.length - reported.length;
      reported.forEach((index, n) => {
        const id = goal.checks[index];
        const rest =
          n === reported.length - 1 && unreported > 0
            ? `; ${unreported} more unknown check(s) of this campaign not reported`
            : '';
        report(
          references.checks?.[index] ?? references.scorecard,
          `unknown check "${id}" ${of}${hint(id, checkIds, 'checks')}${rest}`,
        );
      });
    }
  }
  return problems;
}
