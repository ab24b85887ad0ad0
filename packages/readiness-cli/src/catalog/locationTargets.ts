import type { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import { InputFile } from '../files/listInputFiles';
import { isWithin, resolvesWithin } from '../files/resolvesWithin';

export interface FollowedTargets {
  files: InputFile[];
  /** Targets not followed, each completing "location target …". */
  skipped: string[];
}

/**
 * The files a `kind: Location` in `file` points to. Offline, only targets
 * that are existing files are read, and only within the directory given on
 * the command line (`file.root`), symbolic links resolved: a catalog file in
 * a pull request must not make CI read the rest of the machine. URLs and
 * everything else are reported instead.
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
    const skipped = (reason: string) =>
      result.skipped.push(`${target} is not followed: ${reason}`);
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) && !path.isAbsolute(target)) {
      skipped('URLs are not read (the CLI works offline)');
      continue;
    }
    const outside = `it resolves to a file outside ${file.root.shownAs}`;
    // Checked before it is looked at, so that targets cannot probe which
    // files exist elsewhere; then again with symbolic links resolved.
    const absolutePath = path.resolve(
      fs.realpathSync(path.dirname(file.absolutePath)),
      target,
    );
    if (!isWithin(absolutePath, file.root.realPath)) {
      skipped(outside);
      continue;
    }
    if (!isFile(absolutePath)) {
      skipped('no such file');
      continue;
    }
    if (!resolvesWithin(absolutePath, file.root.realPath)) {
      skipped(outside);
      continue;
    }
    result.files.push({
      shownAs: path.isAbsolute(target)
        ? target
        : path.join(path.dirname(file.shownAs), target),
      absolutePath,
      named: false,
      root: file.root,
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
