import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import { truncateText } from '@readiness/plugin-readiness-common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RequestServices } from '../api/buildRequestServices';
import { InvalidScorecardError } from '../preview/InvalidScorecardError';
import type { PreviewJobView } from '../preview/PreviewJobs';
import { fitOutput, takeWithin } from './outputBounds';
import {
  PreviewAnswer,
  previewAnswer,
  previewOutputSchema,
} from './previewAnswer';

type Services = Pick<RequestServices, 'preview' | 'maxDocumentBytes'>;

/** How long the action waits for a preview, and how often it looks. */
export interface PreviewWait {
  waitMs: number;
  pollMs: number;
}

const DEFAULT_WAIT: PreviewWait = { waitMs: 60_000, pollMs: 500 };
const MAX_PROBLEMS = 20;
const MESSAGE_CHARS = 500;

/**
 * Backstage's actions registry reads a call's JSON body with express's
 * default limit, 100 KB (102,400 bytes); a longer body is refused (413)
 * before the action runs. The document is held under it, leaving room for
 * the JSON around it and its escapes (`\n` for each line break).
 */
export const ACTIONS_BODY_LIMIT_BYTES = 100 * 1024;
export const MAX_ACTION_DOCUMENT_CHARS = 90_000;

/** The problems of a draft the preview refused, with line and column. */
function problemsAnswer(
  problems: InvalidScorecardError['problems'],
): PreviewAnswer {
  const listed = problems.slice(0, MAX_PROBLEMS).map(p => ({
    line: p.line,
    column: p.column,
    path: truncateText(p.path, 200),
    message: truncateText(p.message, MESSAGE_CHARS),
  }));
  const { kept, omitted } = takeWithin(listed, 20_000);
  return {
    status: 'invalid',
    message: `The draft is not a valid scorecard: ${problems.length} problem(s). Fix them and call preview-scorecard again.`,
    problems: kept,
    omittedProblems: omitted + problems.length - listed.length,
  };
}

/** The job, looked at every `pollMs` until it ends or `waitMs` passes. */
async function waitFor(
  services: Services,
  job: PreviewJobView,
  credentials: BackstageCredentials,
  wait: PreviewWait,
): Promise<PreviewJobView> {
  const deadline = Date.now() + wait.waitMs;
  let current = job;
  while (current.status === 'running' && Date.now() < deadline) {
    await sleep(Math.min(wait.pollMs, Math.max(0, deadline - Date.now())));
    current = await services.preview.get(current.id, credentials);
  }
  return current;
}

/** `preview-scorecard`: a draft scorecard's dry run over the catalog. */
export function registerPreviewScorecard(
  registry: ActionsRegistryService,
  services: Services,
  wait: PreviewWait = DEFAULT_WAIT,
): void {
  const seconds = Math.round(wait.waitMs / 1000);
  const maxChars = Math.min(
    services.maxDocumentBytes,
    MAX_ACTION_DOCUMENT_CHARS,
  );
  registry.register({
    name: 'preview-scorecard',
    title: 'Preview a draft scorecard',
    description: `Dry run of a draft Readiness scorecard (a kind: Scorecard YAML document, apiVersion readiness/v1) over every catalog entity the caller may read, from the facts already stored: no collector is asked and nothing is stored but the job.
Answers with status done and where the entities would stand: entitiesEvaluated, averageScore, belowFirstLevel (entities at no level), levelCounts (entities per level reached, by level id), each check's pass rate (the riskiest checks are those with a low rate), and the entities whose score or level would change compared with the scorecard of the same id in force (lowest new score first).
A draft that is not valid answers status invalid with its problems (line, column, path, message). The run waits up to ${seconds} s; a longer one answers status running with its jobId: call again with jobId (and no document) to wait for it, within an hour.
Use it to check a scorecard change, or a new scorecard, before it is merged. Needs the readiness.scorecard.preview permission; one preview at a time per caller. The document may have at most ${maxChars} characters here, less than the REST API takes, because Backstage's actions registry reads at most ${ACTIONS_BODY_LIMIT_BYTES} bytes of JSON per call (a document of many non-ASCII characters or line breaks reaches that sooner, and is refused with 413); a larger draft can be previewed with POST /api/readiness/scorecards/preview.`,
    attributes: { readOnly: true, destructive: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          document: z
            .string()
            .min(1)
            .max(maxChars)
            .optional()
            .describe('The draft scorecard, YAML (or JSON).'),
          jobId: z
            .string()
            .uuid()
            .optional()
            .describe(
              'jobId of a preview this action answered as running, to wait for it again instead of starting one.',
            ),
        }),
      output: previewOutputSchema,
    },
    action: async ({ input, credentials }) => {
      if ((input.document === undefined) === (input.jobId === undefined)) {
        throw new InputError(
          'Give either document (a draft scorecard to preview) or jobId (a running preview to wait for), not both',
        );
      }
      let job: PreviewJobView;
      if (input.document !== undefined) {
        try {
          job = await services.preview.start(input.document, credentials);
        } catch (error) {
          // Refused after the permission check: the draft is not valid.
          if (error instanceof InvalidScorecardError) {
            return { output: problemsAnswer(error.problems) };
          }
          throw error;
        }
      } else {
        job = await services.preview.get(input.jobId!, credentials);
      }
      const ended = await waitFor(services, job, credentials, wait);
      return { output: fitOutput(previewAnswer(ended, seconds), shrinkAnswer) };
    },
  });
}

/** Halves the longer of the lists of checks and changes. */
function shrinkAnswer(answer: PreviewAnswer): boolean {
  const lists = [answer.checks, answer.lowestChanges].filter(
    (list): list is NonNullable<typeof list> => !!list && list.length > 0,
  );
  const longest = lists.sort((a, b) => b.length - a.length)[0];
  if (!longest) {
    return false;
  }
  const dropped = Math.ceil(longest.length / 2);
  longest.length -= dropped;
  if (longest === answer.checks) {
    answer.omittedChecks = (answer.omittedChecks ?? 0) + dropped;
  }
  return true;
}
