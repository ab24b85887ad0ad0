import fs from 'node:fs';
import path from 'node:path';

/** Whether the absolute, normalised `target` lies inside the directory `dir`. */
export function isWithin(target: string, dir: string): boolean {
  const relative = path.relative(dir, target);
  return (
    relative !== '' &&
    relative !== '..' &&
    !relative.startsWith(`..${path.sep}`) &&
    !path.isAbsolute(relative)
  );
}

/**
 * Whether `absolutePath`, with every symbolic link resolved, lies inside the
 * directory `rootRealPath` (itself a real path). A path that does not exist
 * throws, as `fs.realpathSync` does.
 */
export function resolvesWithin(
  absolutePath: string,
  rootRealPath: string,
): boolean {
  return isWithin(fs.realpathSync(absolutePath), rootRealPath);
}
