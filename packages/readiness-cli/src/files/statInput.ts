import fs from 'node:fs';
import { fileError } from '../errors';

/**
 * The stats of the file or directory `shownAs` (as given on the command
 * line) at `absolutePath`; an `InputError` saying why it cannot be read.
 */
export function statInput(shownAs: string, absolutePath: string): fs.Stats {
  try {
    return fs.statSync(absolutePath);
  } catch (error) {
    throw fileError(shownAs, error);
  }
}
