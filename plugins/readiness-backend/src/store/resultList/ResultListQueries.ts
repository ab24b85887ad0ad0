import {
  CheckStatus,
  EntityFilter,
  ResultSummary,
} from '@readiness/plugin-readiness-common';

/** @public */
export interface ResultFilter extends EntityFilter {
  scorecardId: string;
  /** A level id, or `none` for entities below the first level. */
  level?: string;
  /**
   * Entities below a level: at no level, or at one of these levels (the
   * ones under it; none for the first level).
   */
  levelIsNoneOr?: readonly string[];
  /** With `status`: the check whose status is filtered on. */
  check?: string;
  status?: CheckStatus;
  owner?: string;
  system?: string;
  domain?: string;
}

/**
 * Where a result stands in a list of results: keyset paging goes on after
 * the last one read.
 *
 * @public
 */
export interface ResultPosition {
  score: number;
  entityRef: string;
}

/**
 * Lists the results of one scorecard.
 *
 * @public
 */
export interface ResultListQueries {
  /**
   * Results matching the filter, lowest score first, then by entity ref;
   * given `after`, those that come after that position in this order.
   */
  listResults(
    filter: ResultFilter,
    page: { limit: number; after?: ResultPosition },
  ): Promise<ResultSummary[]>;
}
