import { truncateText } from '@readiness/plugin-readiness-common';
import type { z as zod } from 'zod/v3';
import type { PreviewJobView } from '../preview/PreviewJobs';

/** Checks whose pass rates are listed, and changed entities named. */
export const MAX_PREVIEW_CHECKS = 50;
export const MAX_PREVIEW_CHANGES = 10;
export const MAX_LEVELS = 50;

/** The answer of preview-scorecard, for every outcome of a preview. */
export function previewOutputSchema(z: typeof zod) {
  const standing = z.object({
    score: z.number(),
    level: z.string().nullable(),
  });
  return z.object({
    status: z
      .enum(['done', 'running', 'failed', 'invalid'])
      .describe(
        'done: the summary follows. running: still evaluating, call again with jobId. failed: see message. invalid: the draft has problems.',
      ),
    message: z.string(),
    jobId: z.string().optional(),
    scorecard: z.string().optional().describe('Id of the draft scorecard.'),
    entitiesEvaluated: z.number().int().optional(),
    averageScore: z.number().nullable().optional(),
    belowFirstLevel: z
      .number()
      .int()
      .optional()
      .describe("Entities below the draft's first level."),
    levelCounts: z
      .record(z.number().int())
      .optional()
      .describe(
        `Entities per level reached, by level id, lowest level first; levels no entity reached are left out, and levels past the first ${MAX_LEVELS} reached are counted in omittedLevels.`,
      ),
    omittedLevels: z.number().int().optional(),
    checks: z
      .array(
        z.object({
          id: z.string(),
          passRate: z
            .number()
            .nullable()
            .describe(
              'Share passing of the entities where it passes, fails or is unknown; null when it applies to none.',
            ),
          pass: z.number().int(),
          fail: z.number().int(),
          unknown: z.number().int(),
          notApplicable: z.number().int(),
        }),
      )
      .optional()
      .describe('Per check of the draft, in its order.'),
    omittedChecks: z.number().int().optional(),
    changedEntities: z
      .number()
      .int()
      .optional()
      .describe(
        'Entities whose score or level would differ from the scorecard of this id in force (all evaluated, if it is new).',
      ),
    lowestChanges: z
      .array(
        z.object({
          entityRef: z.string(),
          before: standing.nullable().describe('null: no stored result.'),
          after: standing,
        }),
      )
      .optional()
      .describe('Changed entities with the lowest new scores.'),
    truncated: z
      .boolean()
      .optional()
      .describe(
        'True when readiness.preview.maxEntities stopped the run early or not every change is stored.',
      ),
    problems: z
      .array(
        z.object({
          line: z.number().int(),
          column: z.number().int(),
          path: z.string(),
          message: z.string(),
        }),
      )
      .optional(),
    omittedProblems: z.number().int().optional(),
  });
}

export type PreviewAnswer = zod.infer<ReturnType<typeof previewOutputSchema>>;

/** The first {@link MAX_LEVELS} level counts, and how many were left out. */
function levelsWithin(counts: Record<string, number>) {
  const entries = Object.entries(counts);
  return {
    levelCounts: Object.fromEntries(entries.slice(0, MAX_LEVELS)),
    ...(entries.length > MAX_LEVELS && {
      omittedLevels: entries.length - MAX_LEVELS,
    }),
  };
}

/** A preview job as the action answers it, its lists capped. */
export function previewAnswer(
  job: PreviewJobView,
  waitedSeconds: number,
): PreviewAnswer {
  const base = { jobId: job.id, scorecard: job.scorecard };
  if (job.status === 'running') {
    return {
      ...base,
      status: 'running',
      entitiesEvaluated: job.evaluated,
      message: `The preview is still running after ${waitedSeconds} s, ${job.evaluated} entities evaluated so far; call preview-scorecard again with this jobId to wait for it.`,
    };
  }
  if (job.status === 'failed' || !job.result) {
    return {
      ...base,
      status: 'failed',
      entitiesEvaluated: job.evaluated,
      message: truncateText(job.reason ?? 'The preview failed', 1000),
    };
  }
  const { result } = job;
  const checks = (result.summary?.checks ?? []).map(c => ({
    id: c.id,
    passRate: c.passRate,
    pass: c.counts.pass,
    fail: c.counts.fail,
    unknown: c.counts.unknown,
    notApplicable: c.counts['not-applicable'],
  }));
  return {
    ...base,
    status: 'done',
    message: `Evaluated ${result.evaluated} entities; ${result.changed} would change.`,
    entitiesEvaluated: result.evaluated,
    ...(result.summary && {
      averageScore: result.summary.averageScore,
      belowFirstLevel: result.summary.belowFirstLevel,
      // Levels reached: few, unless a draft defines thousands.
      ...levelsWithin(result.summary.levelCounts),
      checks: checks.slice(0, MAX_PREVIEW_CHECKS),
      omittedChecks: Math.max(0, checks.length - MAX_PREVIEW_CHECKS),
    }),
    changedEntities: result.changed,
    lowestChanges: result.changes.slice(0, MAX_PREVIEW_CHANGES),
    truncated: result.truncated,
  };
}
