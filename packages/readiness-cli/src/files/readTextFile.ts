import fs from 'node:fs';
import { fileError } from '../errors';
import { InputFile } from './listInputFiles';

export function readTextFile(file: InputFile): string {
  try {
    return fs.readFileSync(file.absolutePath, 'utf8');
  } catch (error) {
    throw fileError(file.shownAs, error);
  }
}
