import fs from 'node:fs';
import path from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  FactDefinition,
  parseScorecardFile,
  ScorecardDefinition,
  ScorecardProblem,
} from '@readiness/plugin-readiness-common';

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

function readDirectory(dir: string): SourceText[] {
  return fs
    .readdirSync(dir)
    .filter(file => YAML_OR_JSON.test(file))
    .sort()
    .map(file => {
      const source = path.join(dir, file);
      return { source, text: fs.readFileSync(source, 'utf8') };
    });
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
          return readDirectory(path.resolve(entry.getString('directory')));
        }
        const file = path.resolve(entry.getString('file'));
        source = file;
        return [{ source: file, text: fs.readFileSync(file, 'utf8') }];
      } catch (error) {
        // fs errors may come from another realm, so no instanceof check.
        const message = (error as Error)?.message ?? String(error);
        problems.push(
          problem(source, source === where ? message : `${where}: ${message}`),
        );
        return [];
      }
    },
  );
}

/**
 * Every scorecard the backend evaluates: the built-in ones (unless
 * `readiness.defaultScorecards` is false) and the configured ones. A
 * configured scorecard replaces a built-in one with the same id; a file with
 * any problem contributes nothing, and its problems are reported instead.
 * Never throws over a definition, so the backend always starts.
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
        );
  const parse = (texts: SourceText[]) =>
    texts.flatMap(({ source, text }) => {
      const parsed = parseScorecardFile(text, { source, knownFacts });
      problems.push(...parsed.problems);
      return parsed.scorecards.map(scorecard => ({ scorecard, source }));
    });

  const byId = new Map<string, LoadedScorecard>();
  for (const loaded of parse(builtIn)) {
    byId.set(loaded.scorecard.id, loaded);
  }
  const configured = new Set<string>();
  for (const loaded of parse(configuredTexts(config, problems))) {
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
