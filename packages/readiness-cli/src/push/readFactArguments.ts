import { isRecord } from '@readiness/plugin-readiness-common';
import { InputError } from '../errors';
import { readJsonFile } from '../files/readJsonFile';

/**
 * The largest `--file` read: the backend takes at most 50 facts of a few
 * KiB each, so a larger file is a mistake, not a push.
 */
export const MAX_FACTS_FILE_BYTES = 1024 * 1024;

/**
 * The value of `name=value`: JSON when it is valid JSON (`87.5`, `true`,
 * `["unit","e2e"]`, `"1.20"`), else the text as it is (`1.2.3`, `main`).
 */
function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The facts of `name=value` arguments, by name. */
export function factsOfArguments(args: string[]): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const arg of args) {
    const at = arg.indexOf('=');
    if (at <= 0) {
      throw new InputError(
        `${JSON.stringify(arg)} is not name=value, e.g. testCoverage=87.5`,
      );
    }
    const name = arg.slice(0, at);
    if (Object.prototype.hasOwnProperty.call(facts, name)) {
      throw new InputError(`${name} is given twice`);
    }
    facts[name] = parseValue(arg.slice(at + 1));
  }
  return facts;
}

/** The facts of a JSON file of `{ "<name>": <value>, … }`. */
export function factsOfFile(
  shownAs: string,
  cwd: string,
): Record<string, unknown> {
  const parsed = readJsonFile({
    shownAs,
    cwd,
    option: '--file',
    maxBytes: MAX_FACTS_FILE_BYTES,
  });
  if (!isRecord(parsed)) {
    throw new InputError(
      `${shownAs}: must be a JSON object of facts, e.g. { "testCoverage": 87.5 }`,
    );
  }
  return parsed;
}
