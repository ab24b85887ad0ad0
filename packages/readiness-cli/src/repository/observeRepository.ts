import {
  FactSet,
  REPOSITORY_FACTS,
  repositoryFacts,
} from '@readiness/plugin-readiness-common';
import { listRepositoryFiles } from './listRepositoryFiles';

/**
 * The repository facts of the checkout at `dir`, or, without one, those facts
 * as unavailable: their checks are then `unknown` with a reason that says
 * how to observe them, rather than failing.
 */
export function observeRepository(
  dir: string | undefined,
  cwd: string,
  now: Date,
): FactSet {
  if (dir !== undefined) {
    return repositoryFacts(listRepositoryFiles(dir, cwd), now);
  }
  return Object.fromEntries(
    REPOSITORY_FACTS.map(fact => [
      fact.name,
      {
        source: 'repository',
        reason: 'no repository given (use --repo <dir>)',
      },
    ]),
  );
}
