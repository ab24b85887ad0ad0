import type {
  EntityFilter,
  LeaderboardGrouping,
} from '@readiness/plugin-readiness-common';
import { ReadinessPageParams } from '../../hooks/readinessPageParams';

export const GROUPINGS: LeaderboardGrouping[] = ['owner', 'system', 'domain'];

/** Trend periods to choose from, in days. */
export const PERIODS = ['7', '30', '90', '365'];

/** What the leaderboard ranks, over which period, among which entities. */
export interface LeaderboardSelection extends EntityFilter {
  scorecard: string;
  groupBy: LeaderboardGrouping;
  /** Days. */
  period: string;
  /** By owner: each group counts the entities of the groups under it. */
  rollup: boolean;
}

/** The leaderboard's selection from the page's URL, with defaults. */
export function leaderboardSelection(
  params: ReadinessPageParams,
  scorecard: string,
): LeaderboardSelection {
  return {
    scorecard,
    groupBy: GROUPINGS.find(grouping => grouping === params.groupBy) ?? 'owner',
    period: PERIODS.find(days => days === params.period) ?? '30',
    rollup: params.rollup === 'true',
    kind: params.kind,
    type: params.type,
    lifecycle: params.lifecycle,
    tag: params.tag,
  };
}
