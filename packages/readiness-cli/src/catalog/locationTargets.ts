import type { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import { InputFile } from '../files/listInputFiles';

export interface FollowedTargets {
  files: InputFile[];
  /** Targets not followed, each completing "location target …". */
  skipped: string[];
}

/**
 * The files a `kind: Location` in `file` points to. Offline, only relative
 * targets that are existing files can be read; URLs, absolute paths and globs
 * are reported instead.
 */
export function locationTargets(
  location: Entity,
  file: InputFile,
): FollowedTargets {
  const spec = location.spec ?? {};
  const targets = [
    spec.target,
    ...(Array.isArray(spec.targets) ? spec.targets : []),
  ].filter((t): t is string => typeof t === 'string' && t !== '');
  const result: FollowedTargets = { files: [], skipped: [] };
  for (const target of targets) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || path.isAbsolute(target)) {
      result.skipped.push(`${target} is not followed: only relative files are`);
      continue;
    }
    const absolutePath = path.resolve(path.dirname(file.absolutePath), target);
    if (!isFile(absolutePath)) {
      result.skipped.push(`${target} is not followed: no such file`);
      continue;
    }
    result.files.push({
      shownAs: path.join(path.dirname(file.shownAs), target),
      absolutePath,
    });
  }
  return result;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    // Missing or unreadable: reported as not followed.
    return false;
  }
}
