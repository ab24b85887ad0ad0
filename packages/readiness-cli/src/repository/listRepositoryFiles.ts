import path from 'node:path';
import { InputError } from '../errors';
import { statInput } from '../files/statInput';
import { walkDirectory } from '../files/walkDirectory';

/**
 * The files of the repository checked out at `dir` (as given on the command
 * line), as sorted `/`-separated paths relative to it, without `.git` and
 * `node_modules`.
 */
export function listRepositoryFiles(dir: string, cwd: string): string[] {
  const absolutePath = path.resolve(cwd, dir);
  if (!statInput(dir, absolutePath).isDirectory()) {
    throw new InputError(`--repo ${dir} is not a directory`);
  }
  return walkDirectory(absolutePath, dir);
}
