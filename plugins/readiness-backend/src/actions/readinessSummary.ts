import {
  EntityReadiness,
  orderOpenChecks,
  Evidence,
  ScorecardResult,
  truncateText,
} from '@readiness/plugin-readiness-common';
import type { z as zod } from 'zod/v3';
import { fitOutput, jsonSize, MAX_OUTPUT_CHARS } from './outputBounds';

/** Characters of a check's evidence, remediation, reason and titles. */
export const EVIDENCE_CHARS = 300;
export const REMEDIATION_CHARS = 1000;
const REASON_CHARS = 500;
const TITLE_CHARS = 200;
/** One fact's value in the evidence line. */
const VALUE_CHARS = 120;

const levelRef = (z: typeof zod, what: string) =>
  z.object({ id: z.string(), title: z.string() }).nullable().describe(what);

/**
 * The answer of get-entity-readiness and refresh-entity: per scorecard, the
 * standing and the checks not passing, in the order that reaches the next
 * level soonest.
 */
export function readinessOutputSchema(z: typeof zod) {
  const check = z.object({
    id: z.string(),
    title: z.string(),
    status: z
      .enum(['fail', 'unknown'])
      .describe(
        'fail: the facts say no. unknown: a fact could not be read (not collected, stale, collector off); it counts like a fail until known.',
      ),
    level: z.string().describe('Level id the check belongs to.'),
    category: z.string(),
    weight: z.number().describe('Share of the score the check carries.'),
    reason: z.string().optional().describe('Why it does not pass.'),
    evidence: z
      .string()
      .optional()
      .describe(
        'The facts the decision rested on: `fact = value (source)`; a null value is a fact observed and absent.',
      ),
    remediation: z.object({
      text: z.string().describe('How to fix it, Markdown.'),
      docsUrl: z.string().optional(),
      template: z
        .string()
        .optional()
        .describe('Scaffolder template that fixes it.'),
    }),
    advisory: z
      .object({
        enforcedFrom: z.string().optional(),
        campaign: z.string().optional(),
      })
      .optional()
      .describe(
        'Present when the check is advisory: a warning that neither lowers the score nor blocks a level, until enforcedFrom (YYYY-MM-DD) if set.',
      ),
    blocksNextLevel: z
      .boolean()
      .describe('Fixing it is needed to reach nextLevel.'),
  });
  return z.object({
    entityRef: z.string(),
    scorecards: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        score: z
          .number()
          .describe('0 to 100, weighted share of passing checks.'),
        level: levelRef(z, 'Highest level reached; null below the first.'),
        nextLevel: levelRef(z, 'Level to work on next; null at the top.'),
        evaluatedAt: z.string(),
        checksNotPassing: z
          .array(check)
          .describe(
            'Checks that fail or are unknown: first those of nextLevel, then higher levels, then advisory ones.',
          ),
        omittedChecks: z
          .number()
          .int()
          .describe('Checks not passing left out by maxChecks or size.'),
      }),
    ),
    omittedScorecards: z
      .number()
      .int()
      .optional()
      .describe('Scorecards left out to keep the answer short.'),
    note: z.string().optional(),
  });
}

export type ReadinessSummary = zod.infer<
  ReturnType<typeof readinessOutputSchema>
>;
type ScorecardSummary = ReadinessSummary['scorecards'][number];
type CheckSummary = ScorecardSummary['checksNotPassing'][number];

/**
 * The facts a decision rested on, on one line: `fact = value (source)`,
 * with when it was observed if not at the evaluation.
 */
function describeEvidence(
  evidence: Evidence[],
  evaluatedAt: string,
): string | undefined {
  if (evidence.length === 0) {
    return undefined;
  }
  const line = evidence
    .map(e => {
      const fact = e.key === undefined ? e.fact : `${e.fact}[${e.key}]`;
      const value = truncateText(
        JSON.stringify(e.value) ?? 'null',
        VALUE_CHARS,
      );
      const when =
        e.observedAt === evaluatedAt ? '' : `, observed ${e.observedAt}`;
      return `${fact} = ${value} (${e.source}${when})`;
    })
    .join('; ');
  return truncateText(line, EVIDENCE_CHARS);
}

/**
 * The checks that do not pass, most urgent first, as `orderOpenChecks`
 * orders them: those of the next level (which block it), then those of
 * higher levels, then the advisory ones.
 */
export function checksNotPassing(result: ScorecardResult): CheckSummary[] {
  return orderOpenChecks(result).map(check => {
    const { remediation } = check;
    return {
      id: check.id,
      title: truncateText(check.title, TITLE_CHARS),
      status: check.status as 'fail' | 'unknown',
      level: check.level,
      category: check.category,
      weight: check.weight,
      ...(check.reason && {
        reason: truncateText(check.reason, REASON_CHARS),
      }),
      ...(check.evidence.length > 0 && {
        evidence: describeEvidence(check.evidence, result.evaluatedAt),
      }),
      remediation: {
        text: truncateText(remediation.text, REMEDIATION_CHARS),
        ...(remediation.docsUrl && {
          docsUrl: truncateText(remediation.docsUrl, TITLE_CHARS),
        }),
        ...(remediation.template && {
          template: truncateText(remediation.template, TITLE_CHARS),
        }),
      },
      ...(check.advisory && { advisory: { ...check.advisory } }),
      blocksNextLevel: !check.advisory && check.level === result.nextLevel,
    };
  });
}

function levelOf(result: ScorecardResult, id: string | null) {
  const level = result.scorecard.levels.find(l => l.id === id);
  return level
    ? { id: level.id, title: truncateText(level.title, TITLE_CHARS) }
    : null;
}

/**
 * Checks taken in turns from each scorecard's list, most urgent first,
 * while the answer stays within its size: every scorecard gets its most
 * urgent checks before any gets many.
 */
function fillInTurns(
  summary: ReadinessSummary,
  lists: CheckSummary[][],
  maxChecks: number,
) {
  let used = jsonSize(summary);
  const full = new Set<number>();
  for (let turn = 0; turn < maxChecks; turn++) {
    for (let i = 0; i < summary.scorecards.length; i++) {
      const check = lists[i][turn];
      if (!check || full.has(i)) {
        continue;
      }
      const size = jsonSize(check);
      if (used + size > MAX_OUTPUT_CHARS) {
        full.add(i);
        continue;
      }
      used += size;
      summary.scorecards[i].checksNotPassing.push(check);
    }
  }
  summary.scorecards.forEach((scorecard, i) => {
    scorecard.omittedChecks =
      lists[i].length - scorecard.checksNotPassing.length;
  });
}

/** Drops half the checks of the scorecard listing most, or a scorecard. */
function shrink(summary: ReadinessSummary): boolean {
  const longest = [...summary.scorecards].sort(
    (a, b) => b.checksNotPassing.length - a.checksNotPassing.length,
  )[0];
  if (longest && longest.checksNotPassing.length > 0) {
    const dropped = Math.ceil(longest.checksNotPassing.length / 2);
    longest.checksNotPassing.length -= dropped;
    longest.omittedChecks += dropped;
    return true;
  }
  if (summary.scorecards.pop()) {
    summary.omittedScorecards = (summary.omittedScorecards ?? 0) + 1;
    return true;
  }
  return false;
}

/**
 * The readiness of an entity as an agent reads it: on one scorecard or
 * all that apply, at most `maxChecks` checks not passing each, the whole
 * within {@link MAX_OUTPUT_CHARS}.
 */
export function summarizeReadiness(
  readiness: EntityReadiness,
  options: { scorecard?: string; maxChecks: number },
): ReadinessSummary {
  const results = readiness.scorecards.filter(
    r =>
      options.scorecard === undefined || r.scorecard.id === options.scorecard,
  );
  const summary: ReadinessSummary = {
    entityRef: readiness.entityRef,
    scorecards: results.map(result => ({
      id: result.scorecard.id,
      title: truncateText(result.scorecard.title, TITLE_CHARS),
      score: result.score,
      level: levelOf(result, result.level),
      nextLevel: levelOf(result, result.nextLevel),
      evaluatedAt: result.evaluatedAt,
      checksNotPassing: [],
      omittedChecks: 0,
    })),
  };
  if (results.length === 0) {
    const applying = readiness.scorecards.map(r => r.scorecard.id);
    summary.note =
      applying.length === 0
        ? 'No scorecard applies to this entity.'
        : truncateText(
            `Scorecard ${
              options.scorecard
            } does not apply to this entity; these do: ${applying.join(', ')}.`,
            1000,
          );
  }
  fillInTurns(summary, results.map(checksNotPassing), options.maxChecks);
  return fitOutput(summary, shrink);
}
