import fs from 'node:fs';
import path from 'node:path';
import { isRecord } from '@readiness/plugin-readiness-common';
import { fileError, InputError } from '../errors';
import { statInput } from '../files/statInput';

/**
 * The largest exemptions or attestations file read: far above an export of
 * an organisation's records (the API returns at most 500 a page), and small
 * enough to parse in memory at once.
 */
export const MAX_OWNER_INPUT_BYTES = 32 * 1024 * 1024;

/** One item of an exported list, with where it is, e.g. `items[3]`. */
export interface ExportedItem {
  path: string;
  value: unknown;
}

/**
 * The items of a JSON file as `GET /api/readiness/<kind>` returns them
 * (`{ "items": [...] }`), or of a bare JSON list. Everything that keeps the
 * file from being read is an `InputError` naming it.
 */
export function readExportedItems(
  shownAs: string,
  cwd: string,
  kind: 'exemptions' | 'attestations',
): ExportedItem[] {
  const absolutePath = path.resolve(cwd, shownAs);
  const stats = statInput(shownAs, absolutePath);
  if (stats.isDirectory()) {
    throw new InputError(
      `cannot read ${shownAs}: is a directory (--${kind} takes a file)`,
    );
  }
  if (stats.size > MAX_OWNER_INPUT_BYTES) {
    throw new InputError(
      `${shownAs}: is ${stats.size} bytes; --${kind} reads at most ${MAX_OWNER_INPUT_BYTES}`,
    );
  }
  let text: string;
  try {
    text = fs.readFileSync(absolutePath, 'utf8');
  } catch (error) {
    throw fileError(shownAs, error);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `${shownAs}: invalid JSON: ${(error as Error).message}`,
    );
  }
  if (Array.isArray(parsed)) {
    return parsed.map((value, index) => ({ path: `[${index}]`, value }));
  }
  if (isRecord(parsed) && Array.isArray(parsed.items)) {
    return parsed.items.map((value, index) => ({
      path: `items[${index}]`,
      value,
    }));
  }
  throw new InputError(
    `${shownAs}: must be a list, or an object with a list "items" as GET /api/readiness/${kind} returns`,
  );
}
