import {
  CheckResult,
  EntityReadiness,
  orderOpenChecks,
  ScorecardResult,
  truncateText,
} from '@readiness/plugin-readiness-common';

/** Open checks listed per scorecard in the output; the rest are counted. */
export const MAX_OPEN_CHECKS = 25;
/** Characters of a remediation in the output and the log. */
const MAX_REMEDIATION = 500;
/** Characters of a reason or a title. */
const MAX_TEXT = 300;

/** A check that fails or is unknown, and how to fix it. */
export interface OpenCheck {
  id: string;
  title: string;
  status: string;
  level: string;
  /** Why it is not a pass. */
  reason?: string;
  /** What to do, in Markdown, cut to 500 characters. */
  remediation: string;
}

/** One scorecard's standing, for a task's output. */
export interface ScorecardSummary {
  id: string;
  title: string;
  score: number;
  /** The level reached, or null below the first. */
  level: string | null;
  levelTitle: string | null;
  nextLevel: string | null;
  /**
   * Open checks, the next level's first, at most {@link MAX_OPEN_CHECKS}.
   */
  openChecks: OpenCheck[];
  /** Open checks left out of `openChecks`. */
  openChecksOmitted: number;
}

/** The text on one line, cut to `max` characters. */
export function bounded(text: string, max: number): string {
  return truncateText(text.replace(/\s+/g, ' ').trim(), max);
}

function levelTitle(result: ScorecardResult, id: string | null) {
  return id === null
    ? null
    : result.scorecard.levels.find(l => l.id === id)?.title ?? id;
}

/**
 * Checks that fail or are unknown and count (advisory ones are warnings),
 * in the order every Readiness surface lists them: the next level's first,
 * then higher levels, heavier checks first within a level.
 */
export function openChecksOf(result: ScorecardResult): CheckResult[] {
  return orderOpenChecks(result).filter(check => !check.advisory);
}

function openCheck(check: CheckResult): OpenCheck {
  return {
    id: check.id,
    title: bounded(check.title, MAX_TEXT),
    status: check.status,
    level: check.level,
    ...(check.reason && { reason: bounded(check.reason, MAX_TEXT) }),
    remediation: bounded(check.remediation?.text ?? '', MAX_REMEDIATION),
  };
}

/** One scorecard's result, bounded, for the task's output. */
export function summarize(result: ScorecardResult): ScorecardSummary {
  const open = openChecksOf(result);
  return {
    id: result.scorecard.id,
    title: bounded(result.scorecard.title, MAX_TEXT),
    score: result.score,
    level: result.level,
    levelTitle: levelTitle(result, result.level),
    nextLevel: result.nextLevel,
    openChecks: open.slice(0, MAX_OPEN_CHECKS).map(openCheck),
    openChecksOmitted: Math.max(0, open.length - MAX_OPEN_CHECKS),
  };
}

/** A few lines for the task's log: each scorecard and its open checks. */
export function describeReadiness(
  readiness: EntityReadiness,
  summaries: ScorecardSummary[],
): string {
  if (summaries.length === 0) {
    return `No scorecard applies to ${readiness.entityRef}`;
  }
  return summaries
    .map(s => {
      const next = s.nextLevel ? `; next level ${s.nextLevel}` : '';
      const head = `${readiness.entityRef} on ${s.title}: ${
        s.levelTitle ?? 'no level'
      }, score ${s.score}${next}`;
      const lines = s.openChecks.map(
        c => `  - [${c.level}] ${c.title} (${c.id}): ${c.status}`,
      );
      const more =
        s.openChecksOmitted > 0
          ? [`  … and ${s.openChecksOmitted} more open checks`]
          : [];
      return [head, ...lines, ...more].join('\n');
    })
    .join('\n');
}
