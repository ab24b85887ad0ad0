import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { FactsPushEvaluation } from '@readiness/plugin-readiness-common';
import { Context } from '../context';
import { EXIT_OK, InputError } from '../errors';
import { postFacts } from '../push/postFacts';
import { factsOfArguments, factsOfFile } from '../push/readFactArguments';

export interface PushOptions {
  url: string;
  entity: string;
  source: string;
  observedAt?: string;
  token?: string;
  file?: string;
  /** Seconds, as given on the command line. */
  timeout: string;
}

/** What the backend did with the entity's evaluation, for the summary. */
const EVALUATIONS: Record<FactsPushEvaluation, string> = {
  done: 'the entity is evaluated with them',
  queued: 'the entity is being evaluated',
  skipped: 'the next scheduled evaluation uses them',
  unchanged: 'no value changed, nothing to evaluate',
};

/** The longest `--timeout`: a push that takes longer is stuck. */
const MAX_TIMEOUT_SECONDS = 300;

function entityRefOf(ref: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, {
        defaultKind: 'component',
        defaultNamespace: 'default',
      }),
    );
  } catch (error) {
    throw new InputError(
      `invalid entity ref ${JSON.stringify(ref)}: ${(error as Error).message}`,
    );
  }
}

function timeoutMsOf(text: string): number {
  const seconds = Number(text);
  if (
    !Number.isInteger(seconds) ||
    seconds < 1 ||
    seconds > MAX_TIMEOUT_SECONDS
  ) {
    throw new InputError(
      `--timeout must be a whole number of seconds from 1 to ${MAX_TIMEOUT_SECONDS}, got ${JSON.stringify(
        text,
      )}`,
    );
  }
  return seconds * 1000;
}

/**
 * `readiness push`: sends facts a pipeline observed about an entity to the
 * Readiness backend (`POST /api/readiness/facts`), which checks them
 * against `readiness.pushedFacts` and re-evaluates the entity.
 */
export async function pushCommand(
  args: string[],
  options: PushOptions,
  ctx: Context,
): Promise<number> {
  const token = options.token ?? ctx.env?.READINESS_TOKEN;
  if (!token) {
    throw new InputError(
      'a service token is needed: set READINESS_TOKEN (or give --token)',
    );
  }
  if (args.length > 0 && options.file !== undefined) {
    throw new InputError(
      'give facts as name=value arguments or --file, not both',
    );
  }
  if (args.length === 0 && options.file === undefined) {
    throw new InputError(
      'no facts: give name=value arguments (e.g. testCoverage=87.5) or --file facts.json',
    );
  }
  const facts =
    options.file === undefined
      ? factsOfArguments(args)
      : factsOfFile(options.file, ctx.cwd);
  const answer = await postFacts({
    url: options.url,
    token,
    timeoutMs: timeoutMsOf(options.timeout),
    body: {
      entityRef: entityRefOf(options.entity),
      source: options.source,
      ...(options.observedAt === undefined
        ? {}
        : { observedAt: options.observedAt }),
      facts,
    },
  });
  for (const fact of answer.facts) {
    ctx.stdout(
      fact.stored
        ? `${fact.name}: stored, observed ${fact.observedAt}\n`
        : `${fact.name}: not stored: ${
            fact.reason ?? 'a later observation is stored'
          }\n`,
    );
  }
  const stored = answer.facts.filter(fact => fact.stored).length;
  const evaluation = EVALUATIONS[answer.evaluation];
  ctx.stderr(
    `${stored} of ${answer.facts.length} facts stored for ${answer.entityRef}${
      evaluation ? `; ${evaluation}` : ''
    }\n`,
  );
  return EXIT_OK;
}
