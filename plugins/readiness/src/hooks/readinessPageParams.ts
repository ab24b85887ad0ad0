/**
 * What the readiness page shows, as query parameters of its URL, so that
 * every view and filter can be linked to and survives a reload.
 */
export interface ReadinessPageParams {
  /** `leaderboard`, or the scorecards when left out. */
  tab?: 'leaderboard';
  /** The scorecard shown (scorecards tab) or ranked on (leaderboard tab). */
  scorecard?: string;
  /** The check whose failing entities the scorecard shows. */
  check?: string;
  /** Leaderboard grouping: `owner`, `system` or `domain`. */
  groupBy?: string;
  /** The group whose entities the leaderboard shows. */
  group?: string;
  /** Days the leaderboard's trend spans. */
  period?: string;
  /** `true`: owners' figures include the groups under them. */
  rollup?: string;
  kind?: string;
  type?: string;
  lifecycle?: string;
  tag?: string;
  /** Exemptions page: the status shown (`pending` when left out), or `any`. */
  status?: string;
  /** Exemptions page: the owner (group ref) whose entities it shows. */
  owner?: string;
  /** Exemptions page: only active exemptions ending within these days. */
  expiring?: string;
}

/** The query string for the parameters that are set, with its `?`. */
export function readinessPageQuery(params: ReadinessPageParams): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value) {
      search.set(name, value);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
