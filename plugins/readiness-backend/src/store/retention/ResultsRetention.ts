/**
 * Removes what is no longer kept: results of entities not evaluated any
 * more, and old history.
 *
 * @public
 */
export interface ResultsRetention {
  /**
   * Removes the results, check and campaign rows, facts, pushed facts and
   * badge ids of entities last evaluated before this time, but for those in
   * `keep`: after a run
   * over the whole catalog, those of entities that are gone or no longer
   * scored, but for those the run failed to evaluate. An entity evaluated again while this
   * runs keeps its results. Returns how many results went.
   */
  deleteResultsEvaluatedBefore(
    time: Date,
    keep?: ReadonlySet<string>,
  ): Promise<number>;

  /** Removes history older than the retention; returns how many rows went. */
  deleteHistoryBefore(time: Date): Promise<number>;
}
