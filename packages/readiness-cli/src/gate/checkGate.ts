import {
  CheckResult,
  LevelDefinition,
  ScorecardDefinition,
  ScorecardResult,
} from '@readiness/plugin-readiness-common';
import { InputError } from '../errors';

export interface GateOutcome {
  result: ScorecardResult;
  required: LevelDefinition;
  passed: boolean;
  /**
   * The checks of the required level and the levels below it that keep the
   * entity from it (`fail` or `unknown`), lowest level first.
   */
  missing: CheckResult[];
  /**
   * The advisory checks of those levels that do not pass: they do not fail
   * the gate, but will once enforced. Lowest level first.
   */
  advisory: CheckResult[];
}

export interface GateRequest {
  entityRef: string;
  /** The entity's results, one per applicable scorecard. */
  results: ScorecardResult[];
  /** Every loaded scorecard, to tell unknown ones from inapplicable ones. */
  scorecards: ScorecardDefinition[];
  minLevel: string;
  scorecardId?: string;
}

const CLEARS_LEVEL = new Set(['pass', 'not-applicable', 'waived']);

/**
 * Whether the entity reaches `minLevel` in each applicable scorecard (or the
 * named one), comparing levels by their order in the scorecard. Asking for a
 * scorecard or level that does not exist, or gating an entity that no
 * scorecard applies to, is an `InputError`: a gate that cannot fail is a
 * mistake, not a pass.
 */
export function checkGate(request: GateRequest): GateOutcome[] {
  const { entityRef, scorecards, minLevel, scorecardId } = request;
  const loaded = scorecards.map(s => s.id).join(', ') || 'none';
  let results = request.results;
  if (scorecardId !== undefined) {
    if (!scorecards.some(s => s.id === scorecardId)) {
      throw new InputError(
        `unknown scorecard ${scorecardId}; the loaded scorecards are: ${loaded}`,
      );
    }
    results = results.filter(r => r.scorecard.id === scorecardId);
    if (results.length === 0) {
      throw new InputError(
        `scorecard ${scorecardId} does not apply to ${entityRef}`,
      );
    }
  } else if (results.length === 0) {
    throw new InputError(
      `no scorecard applies to ${entityRef}; the loaded scorecards are: ${loaded}`,
    );
  }
  return results.map(result => gateOne(result, minLevel));
}

function gateOne(result: ScorecardResult, minLevel: string): GateOutcome {
  const levels = result.scorecard.levels;
  const wanted = minLevel.toLocaleLowerCase('en-US');
  const requiredIndex = levels.findIndex(
    level => level.id.toLocaleLowerCase('en-US') === wanted,
  );
  if (requiredIndex === -1) {
    throw new InputError(
      `unknown level ${minLevel} in scorecard ${
        result.scorecard.id
      }; its levels are, from lowest: ${levels.map(l => l.id).join(', ')}`,
    );
  }
  const reachedIndex = levels.findIndex(level => level.id === result.level);
  const levelIndex = new Map(levels.map((level, i) => [level.id, i]));
  const notPassing = result.checks
    .filter(check => {
      const index = levelIndex.get(check.level);
      return (
        index !== undefined &&
        index <= requiredIndex &&
        !CLEARS_LEVEL.has(check.status)
      );
    })
    .sort((a, b) => levelIndex.get(a.level)! - levelIndex.get(b.level)!);
  return {
    result,
    required: levels[requiredIndex],
    passed: reachedIndex >= requiredIndex,
    missing: notPassing.filter(check => check.advisory === undefined),
    advisory: notPassing.filter(check => check.advisory !== undefined),
  };
}
