import {
  ScorecardStanding,
  StatusCounts,
} from '@readiness/plugin-readiness-common';

/** The checks of one scorecard: entities per status of each. @public */
export type CheckStatusCounts = Map<string, StatusCounts>;

/**
 * How the entities stand on one scorecard, as a whole and per check.
 * Aggregates are computed in the database over every entity scored on the
 * scorecard, or, given `visible`, over those entities only.
 *
 * @public
 */
export interface StandingQueries {
  getScorecardStanding(
    scorecardId: string,
    visible?: ReadonlySet<string>,
  ): Promise<ScorecardStanding>;

  /** Entities per status of each of the scorecard's checks, by check id. */
  getCheckStatusCounts(
    scorecardId: string,
    visible?: ReadonlySet<string>,
  ): Promise<CheckStatusCounts>;
}
