import { isRecord } from '@readiness/plugin-readiness-common';
import { InputError } from '../errors';
import { readJsonFile } from '../files/readJsonFile';

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
  const parsed = readJsonFile({
    shownAs,
    cwd,
    option: `--${kind}`,
    maxBytes: MAX_OWNER_INPUT_BYTES,
  });
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
