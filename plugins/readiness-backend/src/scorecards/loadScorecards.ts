import fs from 'node:fs';
import path from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  FactDefinition,
  parseScorecardFile,
  ScorecardDefinition,
  ScorecardLimits,
  ScorecardProblem,
} from '@readiness/plugin-readiness-common';
import { readScorecardLimits } from './readScorecardLimits';

/** A scorecard and where it was defined. */
export interface LoadedScorecard {
  scorecard: ScorecardDefinition;
  source: string;
}

export interface LoadedScorecards {
  scorecards: LoadedScorecard[];
  /** Everything that kept a definition out, with where it is. */
  problems: ScorecardProblem[];
}

interface SourceText {
  source: string;
  text: string;
}

const YAML_OR_JSON = /\.(ya?ml|json)$/i;

function problem(source: string, message: string): ScorecardProblem {
  return { source, line: 1, column: 1, path: '', message };
}

/**
 * The YAML and JSON files of a directory. Each is named `label/file`, so
 * that what the API shows is what app-config says, not where the backend
 * happens to be installed.
 */
function readDirectory(dir: string, label: string): SourceText[] {
  return fs
    .readdirSync(dir)
    .filter(file => YAML_OR_JSON.test(file))
    .sort()
    .map(file => ({
      source: `${label}/${file}`,
      text: fs.readFileSync(path.join(dir, file), 'utf8'),
    }));
}

/**
 * What went wrong reading a configured entry. File system errors say the
 * path as configured and their code, not the resolved path, which would show
 * where the backend is installed.
 */
function readProblem(where: string, source: string, error: unknown): string {
  // fs errors may come from another realm, so no instanceof check.
  const { code, message } = (error ?? {}) as {
    code?: string;
    message?: string;
  };
  if (code) {
    return `${where}: cannot read "${source}" (${code})`;
  }
  return `${where}: ${message ?? String(error)}`;
}

/**
 * The texts that `readiness.scorecards` points at: `file`, `directory` (its
 * YAML and JSON files) or `inline` (a document in the config itself).
 * Relative paths are relative to the backend's working directory, as for
 * catalog file locations.
 */
function configuredTexts(
  config: Config,
  problems: ScorecardProblem[],
): SourceText[] {
  return (config.getOptionalConfigArray('readiness.scorecards') ?? []).flatMap(
    (entry, index) => {
      const where = `app-config readiness.scorecards[${index}]`;
      // A file's problems name the file, as they do once it is read.
      let source = where;
      try {
        if (entry.has('inline')) {
          return [
            {
              source: `${where}.inline`,
              text: JSON.stringify(entry.get('inline'), null, 2),
            },
          ];
        }
        if (entry.has('directory')) {
          const directory = entry.getString('directory');
          return readDirectory(
            path.resolve(directory),
            directory.replace(/\/+$/, ''),
          );
        }
        const file = entry.getString('file');
        source = file;
        return [{ source, text: fs.readFileSync(path.resolve(file), 'utf8') }];
      } catch (error) {
        problems.push(problem(source, readProblem(where, source, error)));
        return [];
      }
    },
  );
}

/**
 * Every scorecard the backend evaluates: the built-in ones (unless
 * `readiness.defaultScorecards` is false) and the configured ones. A
 * configured scorecard replaces a built-in one with the same id; a file with
 * any problem contributes nothing, and its problems are reported instead;
 * so does one over `readiness.limits.scorecards`. Never throws over a
 * definition, so the backend always starts.
 */
export function loadScorecards(
  config: Config,
  knownFacts: FactDefinition[],
): LoadedScorecards {
  const problems: ScorecardProblem[] = [];
  const builtIn =
    config.getOptionalBoolean('readiness.defaultScorecards') === false
      ? []
      : readDirectory(
          resolvePackagePath(
            '@readiness/plugin-readiness-common',
            'scorecards',
          ),
          'built-in',
        );
  const parse = (texts: SourceText[], limits?: ScorecardLimits) =>
    texts.flatMap(({ source, text }) => {
      const parsed = parseScorecardFile(text, { source, knownFacts, limits });
      problems.push(...parsed.problems);
      return parsed.scorecards.map(scorecard => ({ scorecard, source }));
    });

  const byId = new Map<string, LoadedScorecard>();
  for (const loaded of parse(builtIn)) {
    byId.set(loaded.scorecard.id, loaded);
  }
  const configured = new Set<string>();
  // The built-in scorecards are the plugin's own: only configured ones are
  // held to the configured limits.
  const limits = readScorecardLimits(config);
  for (const loaded of parse(configuredTexts(config, problems), limits)) {
    const { id } = loaded.scorecard;
    if (configured.has(id)) {
      problems.push(
        problem(
          loaded.source,
          `scorecard "${id}" is already defined in ${byId.get(id)!.source}`,
        ),
      );
      continue;
    }
    configured.add(id);
    byId.set(id, loaded);
  }
  return { scorecards: [...byId.values()], problems };
}
