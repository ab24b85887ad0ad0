import fs from 'node:fs';
import path from 'node:path';
import {
  LoggerService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  FactDefinition,
  formatScorecardProblem,
  parseScorecardFile,
  ScorecardDefinition,
} from '@readiness/plugin-readiness-common';

/**
 * The scorecards that ship with Readiness, as YAML documents in the common
 * package. A file that does not validate (for example because it names a
 * fact no installed collector provides) is logged and left out; the backend
 * still starts.
 */
export function loadBuiltInScorecards(
  knownFacts: FactDefinition[],
  logger: LoggerService,
): ScorecardDefinition[] {
  const dir = resolvePackagePath(
    '@readiness/plugin-readiness-common',
    'scorecards',
  );
  return fs
    .readdirSync(dir)
    .filter(file => /\.ya?ml$/.test(file))
    .sort()
    .flatMap(file => {
      const source = path.join(dir, file);
      const { scorecards, problems } = parseScorecardFile(
        fs.readFileSync(source, 'utf8'),
        { source, knownFacts },
      );
      for (const problem of problems) {
        logger.error(
          `Built-in scorecard left out: ${formatScorecardProblem(problem)}`,
        );
      }
      return scorecards;
    });
}
