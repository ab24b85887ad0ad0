import fs from 'node:fs';
import path from 'node:path';
import { fileError, InputError } from '../errors';
import { statInput } from './statInput';

/** Which file to read, and how much of one the option takes. */
export interface JsonFileInput {
  /** The path as given on the command line, relative to `cwd`. */
  shownAs: string;
  cwd: string;
  /** The option that names it, for messages, e.g. `--file`. */
  option: string;
  /** Larger files are refused before they are read. */
  maxBytes: number;
}

/**
 * The parsed JSON of a file an option names, its size checked before it is
 * read; everything that keeps it from being read is an `InputError`
 * naming it.
 */
export function readJsonFile(input: JsonFileInput): unknown {
  const { shownAs, option, maxBytes } = input;
  const absolutePath = path.resolve(input.cwd, shownAs);
  const stats = statInput(shownAs, absolutePath);
  if (stats.isDirectory()) {
    throw new InputError(
      `cannot read ${shownAs}: is a directory (${option} takes a file)`,
    );
  }
  if (stats.size > maxBytes) {
    throw new InputError(
      `${shownAs}: is ${stats.size} bytes; ${option} reads at most ${maxBytes}`,
    );
  }
  let text: string;
  try {
    text = fs.readFileSync(absolutePath, 'utf8');
  } catch (error) {
    throw fileError(shownAs, error);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `${shownAs}: invalid JSON: ${(error as Error).message}`,
    );
  }
}
