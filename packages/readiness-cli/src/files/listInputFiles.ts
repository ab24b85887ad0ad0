import fs from 'node:fs';
import path from 'node:path';
import { fileError, InputError } from '../errors';
import { walkDirectory } from './walkDirectory';

/** A file named on the command line or found in a directory named there. */
export interface InputFile {
  /** As given, or joined to the directory as given: for messages. */
  shownAs: string;
  absolutePath: string;
}

/**
 * The files that `args` name: files as they are, whatever their extension,
 * and the files with one of `extensions` under directories, recursively and
 * sorted. A file named twice is listed once.
 */
export function listInputFiles(
  args: string[],
  cwd: string,
  extensions: string[],
): InputFile[] {
  const files: InputFile[] = [];
  const seen = new Set<string>();
  const add = (shownAs: string, absolutePath: string) => {
    if (!seen.has(absolutePath)) {
      seen.add(absolutePath);
      files.push({ shownAs, absolutePath });
    }
  };
  for (const arg of args) {
    const absolutePath = path.resolve(cwd, arg);
    let stats: fs.Stats;
    try {
      stats = fs.statSync(absolutePath);
    } catch (error) {
      throw fileError(arg, error);
    }
    if (!stats.isDirectory()) {
      add(arg, absolutePath);
      continue;
    }
    const found = walkDirectory(absolutePath, arg).filter(file =>
      extensions.includes(path.extname(file).toLocaleLowerCase('en-US')),
    );
    if (found.length === 0) {
      throw new InputError(
        `${arg} holds no ${describeExtensions(extensions)} files`,
      );
    }
    for (const file of found) {
      add(path.join(arg, file), path.join(absolutePath, file));
    }
  }
  return files;
}

function describeExtensions(extensions: string[]): string {
  return extensions.length === 1
    ? extensions[0]
    : `${extensions.slice(0, -1).join(', ')} or ${extensions.at(-1)}`;
}
