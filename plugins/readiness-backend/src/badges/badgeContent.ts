import type { ScorecardDefinition } from '@readiness/plugin-readiness-common';
import type { StoredStanding } from '../store/badges/BadgeStore';
import { oneLine } from './badgeText';
import { BadgeContent } from './renderBadge';

/** The longest label (the scorecard's title), in characters. */
export const MAX_LABEL_CHARS = 40;
/** The longest level title a message shows, in characters. */
export const MAX_LEVEL_CHARS = 30;

/** The label of a badge whose scorecard is no longer in force. */
const FALLBACK_LABEL = 'readiness';

const GREEN = '#4c1';
const RED = '#e05d44';
const GREY = '#9f9f9f';
/** The levels below the highest, lowest first. */
const LOWER_LEVELS = ['#dfb317', '#a4a61d', '#97ca00'];

type BadgeScorecard = Pick<ScorecardDefinition, 'title' | 'levels'>;

function labelOf(scorecard: BadgeScorecard): string {
  return oneLine(scorecard.title, MAX_LABEL_CHARS) || FALLBACK_LABEL;
}

/**
 * The colour of a level by its rank: green for the highest, from yellow
 * towards green for those below, red below the first level.
 */
function colourOf(rank: number, levels: number): string {
  if (rank < 0) {
    return RED;
  }
  if (rank >= levels - 1) {
    return GREEN;
  }
  return LOWER_LEVELS[Math.floor((rank / (levels - 1)) * LOWER_LEVELS.length)];
}

/**
 * What the badge of an entity's standing says: `<level> · <score>%`, or
 * `no level · <score>%` below the first level. A level the scorecard no
 * longer has shows its id, in grey.
 */
export function standingBadge(
  scorecard: BadgeScorecard,
  standing: StoredStanding,
): BadgeContent {
  const score = `${Math.round(standing.score)}%`;
  if (standing.level === null) {
    return {
      label: labelOf(scorecard),
      message: `no level · ${score}`,
      color: RED,
    };
  }
  const rank = scorecard.levels.findIndex(l => l.id === standing.level);
  const level = rank >= 0 ? scorecard.levels[rank].title : standing.level;
  return {
    label: labelOf(scorecard),
    message: `${oneLine(level, MAX_LEVEL_CHARS)} · ${score}`,
    color: rank >= 0 ? colourOf(rank, scorecard.levels.length) : GREY,
  };
}

/** The badge of an entity the scorecard has no result of. */
export function notEvaluatedBadge(scorecard: BadgeScorecard): BadgeContent {
  return { label: labelOf(scorecard), message: 'not evaluated', color: GREY };
}

/**
 * The badge when what it showed is gone: the scorecard (then the label is
 * `readiness`) or the entity's stored results. It says nothing more.
 */
export function unknownBadge(scorecard?: BadgeScorecard): BadgeContent {
  return {
    label: scorecard ? labelOf(scorecard) : FALLBACK_LABEL,
    message: 'unknown',
    color: GREY,
  };
}
