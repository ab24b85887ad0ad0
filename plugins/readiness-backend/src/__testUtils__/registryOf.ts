import { mockServices } from '@backstage/backend-test-utils';
import {
  CampaignDefinition,
  ScorecardDefinition,
} from '@readiness/plugin-readiness-common';
import { ScorecardRegistry } from '../scorecards/ScorecardRegistry';

/** A registry holding these scorecards, defined in a `test` source. */
export function registryOf(...scorecards: ScorecardDefinition[]) {
  return registryWith(scorecards, []);
}

/** A registry holding these scorecards and campaigns, from a `test` source. */
export function registryWith(
  scorecards: ScorecardDefinition[],
  campaigns: CampaignDefinition[],
) {
  const at = { line: 1, column: 1, path: '' };
  return new ScorecardRegistry(
    () => ({
      scorecards: scorecards.map(scorecard => ({ scorecard, source: 'test' })),
      campaigns: campaigns.map(campaign => ({
        campaign,
        source: 'test',
        references: { scorecard: at },
      })),
      problems: [],
    }),
    mockServices.logger.mock(),
  );
}
