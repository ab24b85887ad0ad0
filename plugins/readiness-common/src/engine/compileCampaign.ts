import type { Entity } from '@backstage/catalog-model';
import { addDays } from '../calendarDays';
import type { CampaignDefinition } from '../campaigns';
import { compilePredicate, CompiledScorecard } from './compileScorecard';

/** A campaign resolved against the scorecard it names. */
export interface CompiledCampaign {
  definition: CampaignDefinition;
  /** Undefined when it targets every entity of the scorecard. */
  matches?: (entity: Entity) => boolean;
  /**
   * By index: the goal's checks, for a `checks` goal; for a `level` goal,
   * the checks up to that level, of which those advisory and not promoted
   * are left out when evaluated.
   */
  goalChecks: number[];
  levelGoal: boolean;
  /** For `onComplete.promote`: the day after `dueAt`. */
  promotesFrom?: string;
  /** The goal's checks that may be advisory, which it promotes: see `advisoryChecks`. */
  promoted: ReadonlySet<number>;
}

function compile(
  scorecard: CompiledScorecard,
  campaign: CampaignDefinition,
): CompiledCampaign | null {
  const { goal } = campaign;
  const goalChecks: number[] = [];
  if ('checks' in goal) {
    for (const id of goal.checks) {
      const index = scorecard.checkIndexes.get(id);
      if (index === undefined) {
        return null;
      }
      goalChecks.push(index);
    }
  } else {
    const upTo = scorecard.levelIndexes.get(goal.level);
    if (upTo === undefined) {
      return null;
    }
    scorecard.checks.forEach(({ levelIndex }, index) => {
      if (levelIndex !== -1 && levelIndex <= upTo) {
        goalChecks.push(index);
      }
    });
  }
  const promotes = campaign.onComplete?.promote === true;
  const inGoal = new Set(goalChecks);
  return {
    definition: campaign,
    matches: compilePredicate(campaign.appliesTo, `campaign ${campaign.id}`)
      ?.matches,
    goalChecks,
    levelGoal: 'level' in goal,
    ...(promotes && { promotesFrom: addDays(campaign.dueAt, 1) }),
    promoted: new Set(
      promotes ? scorecard.advisoryChecks.filter(i => inGoal.has(i)) : [],
    ),
  };
}

function compare(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

/**
 * The campaigns of `scorecardId` in `campaigns`, resolved against
 * `scorecard`, soonest due first (then by id). A campaign whose goal names
 * a check or level the scorecard does not have (`checkCampaignReferences`
 * reports those) is left out rather than failing the scorecard.
 *
 * Campaigns and lists of them are treated as immutable: the list is usually
 * the same for every entity of a run, so it is compiled once per compiled
 * scorecard.
 */
function campaignsOf(
  scorecard: CompiledScorecard,
  scorecardId: string,
  campaigns: readonly CampaignDefinition[],
): CompiledCampaign[] {
  let list = scorecard.campaignLists.get(campaigns);
  if (list === undefined) {
    list = campaigns
      .filter(campaign => campaign.scorecard === scorecardId)
      .flatMap(campaign => compile(scorecard, campaign) ?? [])
      .sort(
        (a, b) =>
          compare(a.definition.dueAt, b.definition.dueAt) ||
          compare(a.definition.id, b.definition.id),
      );
    scorecard.campaignLists.set(campaigns, list);
  }
  return list;
}

/** The campaigns of `scorecardId` that target the entity, soonest due first. */
export function targetingCampaigns(
  scorecard: CompiledScorecard,
  scorecardId: string,
  campaigns: readonly CampaignDefinition[],
  entity: Entity,
): CompiledCampaign[] {
  return campaignsOf(scorecard, scorecardId, campaigns).filter(
    campaign => campaign.matches === undefined || campaign.matches(entity),
  );
}
