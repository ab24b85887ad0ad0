import { InputError } from '@backstage/errors';
import {
  findLevel,
  hint,
  LevelDefinition,
  ScorecardResult,
} from '@readiness/plugin-readiness-common';
import { bounded, openChecksOf } from './summary';

/** Blocking checks listed in the failure; the rest are counted. */
const MAX_LISTED = 20;
/** Characters of a remediation in the failure. */
const MAX_REMEDIATION = 400;

/**
 * The scorecard's level named `level`, by id or title, ignoring case; an
 * `InputError` with the closest level otherwise.
 */
export function requireLevel(
  result: ScorecardResult,
  level: string,
): LevelDefinition {
  const { levels, title } = result.scorecard;
  const found = findLevel(levels, level);
  if (!found) {
    throw new InputError(
      `Unknown level "${bounded(level, 64)}" on ${title}${hint(
        level,
        levels.map(l => l.id),
        'levels',
      )}`,
    );
  }
  return found;
}

/** Index of a level; checks of levels the scorecard lacks go last. */
function levelRank(result: ScorecardResult, level: string): number {
  const index = result.scorecard.levels.findIndex(l => l.id === level);
  return index === -1 ? Number.MAX_SAFE_INTEGER : index;
}

/**
 * Why the entity is below `required`: a first line saying where it
 * stands, then each check of that level or a lower one that fails or is
 * unknown, with its status and remediation; undefined when it reaches it.
 */
export function belowLevel(
  result: ScorecardResult,
  required: LevelDefinition,
): string | undefined {
  const requiredRank = levelRank(result, required.id);
  const reached = result.level === null ? -1 : levelRank(result, result.level);
  if (reached >= requiredRank) {
    return undefined;
  }
  const reachedTitle =
    result.level === null
      ? 'no level'
      : result.scorecard.levels[reached]?.title ?? result.level;
  const blocking = openChecksOf(result).filter(
    c => levelRank(result, c.level) <= requiredRank,
  );
  const lines = blocking.slice(0, MAX_LISTED).map(check => {
    const reason = check.reason ? ` (${bounded(check.reason, 200)})` : '';
    const fix = bounded(check.remediation?.text ?? '', MAX_REMEDIATION);
    return `- ${check.title} [${check.id}]: ${check.status}${reason}${
      fix ? `. To fix: ${fix}` : ''
    }`;
  });
  if (blocking.length > MAX_LISTED) {
    lines.push(`- … and ${blocking.length - MAX_LISTED} more`);
  }
  return [
    `${result.entityRef} reaches ${reachedTitle} on ${result.scorecard.title}, below ${required.title}:`,
    ...lines,
  ].join('\n');
}
