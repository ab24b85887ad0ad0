import { InputError } from '@backstage/errors';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { EntityReadiness } from '@readiness/plugin-readiness-common';
import { ReadinessDraftClient } from '../client/ReadinessDraftClient';
import {
  DEFAULT_LISTING_LIMITS,
  listWorkspaceFiles,
} from '../workspace/listWorkspaceFiles';
import { readDraftEntity } from '../workspace/readDraftEntity';
import { describeReadiness, summarize, ScorecardSummary } from './summary';

/** Where a template writes the entity, by default. */
export const DEFAULT_CATALOG_INFO_PATH = 'catalog-info.yaml';

/** What both actions take to find and evaluate the draft. */
export interface DraftInput {
  catalogInfoPath?: string;
  scorecard?: string;
}

/** The draft's readiness, and its scorecards summarised for the output. */
export interface WorkspaceReadiness {
  readiness: EntityReadiness;
  summaries: ScorecardSummary[];
}

/**
 * Evaluates the workspace's catalog-info file with the workspace's files as
 * its repository, as the task's initiator, and logs a summary.
 */
export async function evaluateWorkspace(
  ctx: Pick<
    ActionContext<{}>,
    'workspacePath' | 'logger' | 'getInitiatorCredentials' | 'signal'
  >,
  client: ReadinessDraftClient,
  input: DraftInput,
): Promise<WorkspaceReadiness> {
  const file = input.catalogInfoPath || DEFAULT_CATALOG_INFO_PATH;
  const entity = await readDraftEntity(ctx.workspacePath, file);
  const listing = await listWorkspaceFiles(
    ctx.workspacePath,
    DEFAULT_LISTING_LIMITS,
    ctx.signal,
  );
  if (!listing.paths) {
    ctx.logger.warn(
      `Not listing the workspace's files: ${listing.tooLarge}; checks on the repository's files will be unknown`,
    );
  } else if (listing.skipped > 0) {
    ctx.logger.warn(
      `Left out ${listing.skipped} workspace paths the readiness backend does not take (longer than ${DEFAULT_LISTING_LIMITS.maxPathLength} characters, with a backslash, or starting with a drive letter such as C:)`,
    );
  }
  let readiness: EntityReadiness;
  try {
    readiness = await client.evaluate(
      {
        entity,
        ...(input.scorecard && { scorecard: input.scorecard }),
        ...(listing.paths && { repositoryPaths: listing.paths }),
      },
      {
        credentials: await ctx.getInitiatorCredentials(),
        signal: ctx.signal,
      },
    );
  } catch (error) {
    // The backend names the entity's fields; say which file they are in.
    if (error instanceof InputError && error.message.startsWith('entity')) {
      throw new InputError(`${file}: ${error.message}`);
    }
    throw error;
  }
  const summaries = readiness.scorecards.map(summarize);
  ctx.logger.info(describeReadiness(readiness, summaries));
  return { readiness, summaries };
}
