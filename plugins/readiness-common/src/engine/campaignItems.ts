import { CampaignItem } from '../campaigns';
import { LevelDefinition } from '../types';
import { CheckResult } from '../results';
import { CompiledCampaign } from './compileCampaign';
import { CompiledCheck } from './compileScorecard';

function isOpen(result: CheckResult): boolean {
  return result.status === 'fail' || result.status === 'unknown';
}

/**
 * Whether a check is one the campaign asks to pass: any of a `checks` goal;
 * for a `level` goal, one up to that level that counts now or that the
 * campaign promotes.
 */
function inGoal(
  campaign: CompiledCampaign,
  index: number,
  result: CheckResult,
): boolean {
  return (
    !campaign.levelGoal ||
    result.advisory === undefined ||
    campaign.promoted.has(index)
  );
}

/**
 * The level were the campaign's advisory checks enforced: the lowest level
 * one of them that does not pass would block, if below `blockedLevel`
 * (the index of the level the entity does not reach).
 */
function levelIfEnforced(
  campaign: CompiledCampaign,
  checks: readonly CompiledCheck[],
  results: readonly CheckResult[],
  levels: readonly LevelDefinition[],
  blockedLevel: number,
): string | null {
  let blocked = blockedLevel;
  for (const index of campaign.promoted) {
    const { levelIndex } = checks[index];
    const result = results[index];
    if (
      result.advisory !== undefined &&
      isOpen(result) &&
      levelIndex !== -1 &&
      levelIndex < blocked
    ) {
      blocked = levelIndex;
    }
  }
  return blocked > 0 ? levels[blocked - 1].id : null;
}

/** Where the entity stands in each campaign that targets it, in their order. */
export function campaignItems(
  targeting: readonly CompiledCampaign[],
  checks: readonly CompiledCheck[],
  results: readonly CheckResult[],
  levels: readonly LevelDefinition[],
  level: string | null,
): CampaignItem[] {
  const blockedLevel = levels.findIndex(l => l.id === level) + 1;
  return targeting.map(campaign => {
    const { id, title, startsAt, dueAt } = campaign.definition;
    const openChecks: string[] = [];
    for (const index of campaign.goalChecks) {
      const result = results[index];
      if (isOpen(result) && inGoal(campaign, index, result)) {
        openChecks.push(result.id);
      }
    }
    const item: CampaignItem = {
      campaign: id,
      title,
      startsAt,
      dueAt,
      met: openChecks.length === 0,
      openChecks,
    };
    if (campaign.promotesFrom !== undefined) {
      item.levelIfEnforced = levelIfEnforced(
        campaign,
        checks,
        results,
        levels,
        blockedLevel,
      );
    }
    return item;
  });
}
