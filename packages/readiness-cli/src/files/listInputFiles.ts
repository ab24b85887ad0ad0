import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors';
import { statInput } from './statInput';
import { walkDirectory } from './walkDirectory';

/** A file named on the command line or found in a directory named there. */
export interface InputFile {
  /** As given, or joined to the directory as given: for messages. */
  shownAs: string;
  absolutePath: string;
  /** Named on the command line itself, not found in a directory. */
  named: boolean;
  /**
   * The directory given on the command line (a named file's own directory)
   * that this file, and every file it points to, must resolve within.
   */
  root: InputRoot;
}

export interface InputRoot {
  /** With symbolic links resolved, to compare real paths against. */
  realPath: string;
  /** As given, ending in `/`: for messages. */
  shownAs: string;
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
  const add = (file: InputFile) => {
    if (!seen.has(file.absolutePath)) {
      seen.add(file.absolutePath);
      files.push(file);
    }
  };
  for (const arg of args) {
    const absolutePath = path.resolve(cwd, arg);
    const stats = statInput(arg, absolutePath);
    if (!stats.isDirectory()) {
      add({
        shownAs: arg,
        absolutePath,
        named: true,
        root: inputRoot(path.dirname(arg), path.dirname(absolutePath)),
      });
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
    const root = inputRoot(arg, absolutePath);
    for (const file of found) {
      add({
        shownAs: path.join(arg, file),
        absolutePath: path.join(absolutePath, file),
        named: false,
        root,
      });
    }
  }
  return files;
}

function inputRoot(shownAs: string, absolutePath: string): InputRoot {
  return {
    realPath: fs.realpathSync(absolutePath),
    shownAs: path.join(shownAs, '/'),
  };
}

function describeExtensions(extensions: string[]): string {
  return extensions.length === 1
    ? extensions[0]
    : `${extensions.slice(0, -1).join(', ')} or ${extensions.at(-1)}`;
}
