import fs from 'node:fs';
import path from 'node:path';
import { fileError } from '../errors';

/** Never worth reading: version control internals and installed packages. */
const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);

/**
 * The files under `dir`, as sorted paths relative to it with `/` separators.
 * Symbolic links to directories are not followed, so a link cycle cannot
 * loop forever. `shownAs` names the directory in errors.
 */
export function walkDirectory(dir: string, shownAs: string): string[] {
  const files: string[] = [];
  const visit = (relative: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(dir, relative), {
        withFileTypes: true,
      });
    } catch (error) {
      throw fileError(path.join(shownAs, relative), error);
    }
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) {
          visit(child);
        }
      } else if (entry.isFile() || isLinkToFile(path.join(dir, child))) {
        files.push(child);
      }
    }
  };
  visit('');
  return files.sort(compareStrings);
}

function isLinkToFile(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink() && fs.statSync(file).isFile();
  } catch {
    // A dangling link is not a file to read.
    return false;
  }
}

/** Code point order: the same on every machine, unlike `localeCompare`. */
export function compareStrings(a: string, b: string): number {
  if (a < b) {
    return -1;
  }
  return a > b ? 1 : 0;
}
