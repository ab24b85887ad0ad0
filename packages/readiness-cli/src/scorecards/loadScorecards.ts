import {
  BUILT_IN_FACTS,
  formatScorecardProblem,
  parseScorecardFile,
  ScorecardDefinition,
  ScorecardProblem,
} from '@readiness/plugin-readiness-common';
import path from 'node:path';
import { InputError } from '../errors';
import { listInputFiles } from '../files/listInputFiles';
import { readTextFile } from '../files/readTextFile';
import { findDuplicateNames, ParsedScorecardFile } from './findDuplicateNames';

const SCORECARD_EXTENSIONS = ['.yaml', '.yml', '.json'];

export interface ReadScorecards {
  fileCount: number;
  scorecards: ScorecardDefinition[];
  problems: ScorecardProblem[];
}

/**
 * The directory of the scorecards that ship with
 * `@readiness/plugin-readiness-common`, used when none are named.
 */
export function defaultScorecardDirectory(): string {
  return path.join(
    path.dirname(
      require.resolve('@readiness/plugin-readiness-common/package.json'),
    ),
    'scorecards',
  );
}

/**
 * Parses and validates the scorecard files that `args` name (directories
 * recursively). Problems are returned, not thrown: `validate` reports them
 * and the other commands refuse to run with them.
 */
export function readScorecards(args: string[], cwd: string): ReadScorecards {
  const files = listInputFiles(args, cwd, SCORECARD_EXTENSIONS);
  const problems: ScorecardProblem[] = [];
  const parsedFiles: ParsedScorecardFile[] = [];
  for (const file of files) {
    const text = readTextFile(file);
    const parsed = parseScorecardFile(text, {
      source: file.shownAs,
      // Offline, integration facts are unknown, never a fail.
      knownFacts: BUILT_IN_FACTS,
    });
    problems.push(...parsed.problems);
    parsedFiles.push({
      source: file.shownAs,
      text,
      scorecards: parsed.scorecards,
    });
  }
  problems.push(...findDuplicateNames(parsedFiles));
  return {
    fileCount: files.length,
    scorecards: parsedFiles.flatMap(file => file.scorecards),
    problems,
  };
}

function readDefaultScorecards(cwd: string): ReadScorecards {
  try {
    return readScorecards([defaultScorecardDirectory()], cwd);
  } catch (error) {
    if (error instanceof InputError) {
      throw new InputError(
        `${error.message} (the default scorecards; name others with --scorecard)`,
      );
    }
    throw error;
  }
}

/**
 * The valid scorecards that `args` name, or the default ones; an
 * `InputError` listing every problem when any file is invalid.
 */
export function loadScorecards(
  args: string[] | undefined,
  cwd: string,
): ScorecardDefinition[] {
  const { scorecards, problems } = args
    ? readScorecards(args, cwd)
    : readDefaultScorecards(cwd);
  if (problems.length > 0) {
    throw new InputError(
      `the scorecards are invalid (${problems.length} ${
        problems.length === 1 ? 'problem' : 'problems'
      }); \`readiness validate\` checks them`,
      problems.map(formatScorecardProblem),
    );
  }
  return scorecards;
}
