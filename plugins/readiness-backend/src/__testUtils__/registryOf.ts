import { mockServices } from '@backstage/backend-test-utils';
import { ScorecardDefinition } from '@readiness/plugin-readiness-common';
import { ScorecardRegistry } from '../scorecards/ScorecardRegistry';

/** A registry holding these scorecards, defined in a `test` source. */
export function registryOf(...scorecards: ScorecardDefinition[]) {
  return new ScorecardRegistry(
    () => ({
      scorecards: scorecards.map(scorecard => ({ scorecard, source: 'test' })),
      problems: [],
    }),
    mockServices.logger.mock(),
  );
}
