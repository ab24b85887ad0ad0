import type {
  ReadinessChange,
  ScorecardResult,
} from '@readiness/plugin-readiness-common';

/** One point of the history chart. */
export interface HistoryPoint {
  /** Milliseconds since the epoch. */
  time: number;
  score: number;
  /** 0 below the first level, 1 at the first, and so on. */
  level: number;
}

/** The position of a level on the chart's level axis. */
export function levelRank(result: ScorecardResult, level: string | null) {
  return level === null
    ? 0
    : result.scorecard.levels.findIndex(l => l.id === level) + 1;
}

/**
 * The score and level after each change, oldest first, and the current
 * result last, so that the line reaches the present.
 */
export function historyPoints(
  result: ScorecardResult,
  changes: ReadinessChange[],
): HistoryPoint[] {
  const points = changes
    .map(change => ({
      time: Date.parse(change.changedAt),
      score: change.scoreAfter,
      level: levelRank(result, change.levelAfter),
    }))
    .sort((a, b) => a.time - b.time);
  const current = {
    time: Date.parse(result.evaluatedAt),
    score: result.score,
    level: levelRank(result, result.level),
  };
  const last = points[points.length - 1];
  if (!last || current.time > last.time) {
    points.push(current);
  }
  return points;
}
