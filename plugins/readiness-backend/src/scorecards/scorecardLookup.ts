import { InputError } from '@backstage/errors';
import {
  CheckDefinition,
  findLevel,
  hint,
  LevelDefinition,
  ScorecardDefinition,
} from '@readiness/plugin-readiness-common';
import { ActiveScorecard, ScorecardRegistry } from './ScorecardRegistry';

/**
 * Scorecards, levels and checks a request names in its input (a body field,
 * an action's argument), or an InputError that says which was meant, as
 * the CLI and scorecard validation do: ` (did you mean "silver"?)`, or the
 * ids there are. The REST API's paths use `ScorecardRegistry.find` (404).
 */
export function requireScorecard(
  registry: Pick<ScorecardRegistry, 'list'>,
  id: string,
): ActiveScorecard {
  const active = registry.list();
  const found = active.find(s => s.scorecard.id === id);
  if (!found) {
    const ids = active.map(s => s.scorecard.id);
    throw new InputError(
      `Unknown scorecard "${id}"${hint(id, ids, 'scorecards')}`,
    );
  }
  return found;
}

/**
 * The level named by id or title, any case (`silver`, `Silver`), and its
 * place, 0 for the lowest.
 */
export function requireLevel(
  scorecard: ScorecardDefinition,
  idOrTitle: string,
): { level: LevelDefinition; index: number } {
  const level = findLevel(scorecard.levels, idOrTitle);
  if (!level) {
    const ids = scorecard.levels.map(l => l.id);
    throw new InputError(
      `Unknown level "${idOrTitle}" of scorecard ${scorecard.id}${hint(
        idOrTitle,
        ids,
        'levels',
      )}`,
    );
  }
  return { level, index: scorecard.levels.indexOf(level) };
}

export function requireCheck(
  scorecard: ScorecardDefinition,
  id: string,
): CheckDefinition {
  const found = scorecard.checks.find(c => c.id === id);
  if (!found) {
    const ids = scorecard.checks.map(c => c.id);
    throw new InputError(
      `Unknown check "${id}" of scorecard ${scorecard.id}${hint(
        id,
        ids,
        'checks',
      )}`,
    );
  }
  return found;
}
