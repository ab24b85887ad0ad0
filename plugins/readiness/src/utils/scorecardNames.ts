import type {
  LevelDefinition,
  ScorecardDetails,
} from '@readiness/plugin-readiness-common';
import { levelTitle } from './levels';

/** The titles of a scorecard's levels and checks, by id. */
export interface ScorecardNames {
  levels: LevelDefinition[];
  levelTitle: (id: string) => string;
  checkTitle: (id: string) => string;
}

/**
 * Names from a loaded scorecard; ids stand in for what it does not define,
 * or when it could not be loaded.
 */
export function scorecardNames(details?: ScorecardDetails): ScorecardNames {
  const levels = details?.definition.levels ?? [];
  const checks = new Map(
    details?.definition.checks.map(check => [check.id, check.title]),
  );
  return {
    levels,
    levelTitle: id => levelTitle(levels, id),
    checkTitle: id => checks.get(id) ?? id,
  };
}
