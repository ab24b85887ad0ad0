import fs from 'node:fs';
import path from 'node:path';
import { fileError, InputError } from '../errors';
import { walkDirectory } from '../files/walkDirectory';

/**
 * The files of the repository checked out at `dir` (as given on the command
 * line), as sorted `/`-separated paths relative to it, without `.git` and
 * `node_modules`.
 */
export function listRepositoryFiles(dir: string, cwd: string): string[] {
  const absolutePath = path.resolve(cwd, dir);
  let stats: fs.Stats;
  try {
    stats = fs.statSync(absolutePath);
  } catch (error) {
    throw fileError(dir, error);
  }
  if (!stats.isDirectory()) {
    throw new InputError(`--repo ${dir} is not a directory`);
  }
  return walkDirectory(absolutePath, dir);
}
