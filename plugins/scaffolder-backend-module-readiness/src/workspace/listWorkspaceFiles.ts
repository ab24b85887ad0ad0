import { DRAFT_PATH_LIMITS } from '@readiness/plugin-readiness-common';
import fs from 'node:fs/promises';
import path from 'node:path';

/** How much of a workspace is listed for the repository facts. */
export interface WorkspaceListingLimits {
  /** Files listed at most, as the backend takes at most. */
  maxFiles: number;
  /** Characters of one path, as the backend takes at most. */
  maxPathLength: number;
  /**
   * Bytes of the listing as JSON, so that the request stays within the
   * readiness API's body limit with an entity of the most it takes.
   */
  maxJsonBytes: number;
  /** Directory entries looked at, directories included. */
  maxEntries: number;
}

/**
 * The readiness API's default body limit: six bytes a character of
 * `readiness.limits.scorecards.maxBytes` (256 KiB), and 64 KiB.
 */
const BACKEND_BODY_LIMIT = 6 * 256 * 1024 + 64 * 1024;
/** The most entity JSON the backend takes by default, and room for the rest. */
const ROOM_FOR_ENTITY = 256 * 1024 + 16 * 1024;

/** What the readiness backend accepts, within its default body limit. */
export const DEFAULT_LISTING_LIMITS: WorkspaceListingLimits = {
  maxFiles: DRAFT_PATH_LIMITS.maxPaths,
  maxPathLength: DRAFT_PATH_LIMITS.maxPathLength,
  maxJsonBytes: BACKEND_BODY_LIMIT - ROOM_FOR_ENTITY,
  maxEntries: 100_000,
};

/** Directories a repository does not commit or whose files say nothing. */
const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);

/** The listing, or why there is none. */
export type WorkspaceListing =
  | { paths: string[]; skipped: number }
  | { paths?: undefined; tooLarge: string };

/**
 * Whether the backend takes the path: it refuses the whole request for
 * one with a backslash or a drive letter (`C:`), both legal in a Linux
 * file name, or one over the length limit.
 */
function backendTakes(relative: string, maxPathLength: number): boolean {
  return (
    relative.length <= maxPathLength &&
    !relative.includes('\\') &&
    !/^[A-Za-z]:/.test(relative)
  );
}

/**
 * The workspace's file paths, relative and `/`-separated like `git ls-files`,
 * without `.git` and `node_modules`. Symbolic links are listed, never
 * followed. Paths the backend would refuse are skipped (counted); past
 * `maxFiles`, `maxJsonBytes` or `maxEntries` there is no listing, and the
 * repository facts are unknown rather than guessed from part of the tree.
 * Directories are read entry by entry, so that a huge one is not read
 * whole; `signal` stops the walk.
 */
export async function listWorkspaceFiles(
  workspacePath: string,
  limits: WorkspaceListingLimits = DEFAULT_LISTING_LIMITS,
  signal?: AbortSignal,
): Promise<WorkspaceListing> {
  const paths: string[] = [];
  let skipped = 0;
  let entries = 0;
  let jsonBytes = 2; // []
  const pending = [''];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    signal?.throwIfAborted();
    // Closed by the loop, also when it returns early.
    for await (const dirent of await fs.opendir(
      path.join(workspacePath, dir),
    )) {
      signal?.throwIfAborted();
      entries += 1;
      if (entries > limits.maxEntries) {
        return {
          tooLarge: `the workspace has more than ${limits.maxEntries} files and directories`,
        };
      }
      const relative = dir === '' ? dirent.name : `${dir}/${dirent.name}`;
      if (dirent.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(dirent.name)) {
          pending.push(relative);
        }
      } else if (!backendTakes(relative, limits.maxPathLength)) {
        skipped += 1;
      } else {
        paths.push(relative);
        jsonBytes += Buffer.byteLength(JSON.stringify(relative)) + 1;
        if (paths.length > limits.maxFiles) {
          return {
            tooLarge: `the workspace has more than ${limits.maxFiles} files`,
          };
        }
        if (jsonBytes > limits.maxJsonBytes) {
          return {
            tooLarge: `the workspace's paths take more than ${limits.maxJsonBytes} bytes of JSON`,
          };
        }
      }
    }
  }
  return { paths: paths.sort(), skipped };
}
