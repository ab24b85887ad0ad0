import {
  addDays,
  CampaignDefinition,
  CheckDefinition,
  ScorecardDefinition,
} from '@readiness/plugin-readiness-common';

/**
 * The checks a campaign's goal asks to pass: those it names, or for a
 * level goal every check of that level or a lower one.
 */
function goalChecks(
  scorecard: ScorecardDefinition,
  campaign: CampaignDefinition,
): CheckDefinition[] {
  const { goal } = campaign;
  if ('checks' in goal) {
    const wanted = new Set(goal.checks);
    return scorecard.checks.filter(c => wanted.has(c.id));
  }
  const levels = scorecard.levels.map(l => l.id);
  const upTo = levels.indexOf(goal.level);
  return scorecard.checks.filter(c => {
    const index = levels.indexOf(c.level);
    return index !== -1 && index <= upTo;
  });
}

/** Which of the goal's checks are advisory on `today`, and until when. */
export interface AdvisoryGoal {
  checks: string[];
  /** When they are enforced; `null` when not by a date. */
  enforcedFrom: string | null;
  /** The campaign's deadline enforces them (`onComplete.promote`). */
  promoted: boolean;
}

/**
 * The goal's checks that are advisory on `today` (YYYY-MM-DD), as the
 * engine decides it: `enforcement: advisory`, or before their own
 * `enforcedFrom` or the day after the deadline of a campaign that promotes
 * them, whichever comes first. `undefined` when none is.
 */
export function advisoryGoal(
  scorecard: ScorecardDefinition,
  campaign: CampaignDefinition,
  today: string,
): AdvisoryGoal | undefined {
  const promoted = campaign.onComplete?.promote === true;
  const promotedFrom = promoted ? addDays(campaign.dueAt, 1) : undefined;
  const advisory: Array<{ id: string; from?: string }> = [];
  for (const check of goalChecks(scorecard, campaign)) {
    if (check.enforcement !== 'advisory' && !check.enforcedFrom) {
      continue;
    }
    const from =
      promotedFrom && (!check.enforcedFrom || promotedFrom < check.enforcedFrom)
        ? promotedFrom
        : check.enforcedFrom;
    if (from === undefined || today < from) {
      advisory.push({ id: check.id, from });
    }
  }
  if (advisory.length === 0) {
    return undefined;
  }
  const ownDates = advisory
    .map(a => a.from)
    .filter((day): day is string => day !== undefined)
    .sort();
  return {
    checks: advisory.map(a => a.id),
    enforcedFrom: promotedFrom ?? ownDates[0] ?? null,
    promoted,
  };
}
