import fs from 'node:fs';
import path from 'node:path';
import { BUILT_IN_FACTS } from '../facts';
import { formatScorecardProblem, parseScorecardFile } from '../schema';
import { ScorecardDefinition } from '../types';

/** Where the YAML scorecards that ship with Readiness live. */
export const builtInScorecardDir = path.resolve(__dirname, '../../scorecards');

/**
 * The built-in scorecards, for tests and benchmarks (the backend and the CLI
 * read the same files). Throws on any problem: they must always validate.
 */
export function loadBuiltInScorecards(): Map<string, ScorecardDefinition> {
  const scorecards = fs
    .readdirSync(builtInScorecardDir)
    .filter(file => file.endsWith('.yaml'))
    .sort()
    .flatMap(file => {
      const result = parseScorecardFile(
        fs.readFileSync(path.join(builtInScorecardDir, file), 'utf8'),
        { source: file, knownFacts: BUILT_IN_FACTS },
      );
      if (result.problems.length > 0) {
        throw new Error(result.problems.map(formatScorecardProblem).join('\n'));
      }
      return result.scorecards;
    });
  return new Map(scorecards.map(s => [s.id, s]));
}
