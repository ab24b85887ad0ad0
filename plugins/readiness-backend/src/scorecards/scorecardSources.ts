import fs from 'node:fs';
import path from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ScorecardProblem } from '@readiness/plugin-readiness-common';

/** The text of a definition file and what it is called in problems. */
export interface SourceText {
  source: string;
  text: string;
}

const YAML_OR_JSON = /\.(ya?ml|json)$/i;

/** A problem with a whole file, placed at its start. */
export function fileProblem(source: string, message: string): ScorecardProblem {
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
 * The plugin's own definition files, unless `readiness.defaultScorecards`
 * is false.
 */
export function builtInTexts(config: Config): SourceText[] {
  return config.getOptionalBoolean('readiness.defaultScorecards') === false
    ? []
    : readDirectory(
        resolvePackagePath('@readiness/plugin-readiness-common', 'scorecards'),
        'built-in',
      );
}

/**
 * The texts that `readiness.scorecards` points at: `file`, `directory` (its
 * YAML and JSON files) or `inline` (a document in the config itself).
 * Relative paths are relative to the backend's working directory, as for
 * catalog file locations. An entry that cannot be read adds a problem.
 */
export function configuredTexts(
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
        problems.push(fileProblem(source, readProblem(where, source, error)));
        return [];
      }
    },
  );
}
