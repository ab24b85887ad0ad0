import {
  EntityFilter,
  Leaderboard,
  LeaderboardQuery,
  LeaderboardRow,
} from '@readiness/plugin-readiness-common';
import { ScorecardRegistry } from '../scorecards/ScorecardRegistry';
import { GroupRanking, GroupStanding, LeaderboardQueries } from '../store';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the router passes on, defaults applied. */
export type LeaderboardOptions = Required<
  Pick<
    LeaderboardQuery,
    'groupBy' | 'orderBy' | 'order' | 'periodDays' | 'limit' | 'offset'
  >
> &
  EntityFilter;

/**
 * Code-point order: entity refs are lower-case ASCII, and `localeCompare`
 * was most of the cost of ranking 10,000 groups.
 */
function compareText(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

const COMPARE: Record<
  LeaderboardOptions['orderBy'],
  (a: LeaderboardRow, b: LeaderboardRow) => number
> = {
  averageScore: (a, b) => (a.averageScore ?? -1) - (b.averageScore ?? -1),
  entities: (a, b) => a.entities - b.entities,
  group: (a, b) => compareText(a.group ?? '', b.group ?? ''),
  trend: (a, b) =>
    (a.trend.change ?? -Infinity) - (b.trend.change ?? -Infinity),
};

/** The options' entity filter: the rest once the leaderboard's own go. */
function entityFilterOf(options: LeaderboardOptions): EntityFilter {
  const { groupBy, orderBy, order, periodDays, limit, offset, ...filter } =
    options;
  return filter;
}

/**
 * Owners, systems or domains ranked on a scorecard, for the `/leaderboard`
 * route. Every figure is computed over the entities `visible` holds (all
 * when undefined): callers see aggregates of what they may read only.
 */
export class LeaderboardService {
  constructor(
    private readonly registry: Pick<ScorecardRegistry, 'find'>,
    private readonly queries: LeaderboardQueries,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * The groups ranked, with the trend of their average over the period and
   * the group's ref as a stable tie-break. Ranked and paged in the database
   * when it can (the caller sees every entity and the order is not the
   * trend), so that only the page's groups are read; otherwise ranked here
   * from every group, as partial aggregates over chunks of visible entities
   * must be added up first.
   */
  async leaderboard(
    id: string,
    options: LeaderboardOptions,
    visible?: ReadonlySet<string>,
  ): Promise<Leaderboard> {
    // A NotFoundError for a scorecard not in force.
    this.registry.find(id);
    const since = new Date(this.now().getTime() - options.periodDays * DAY_MS);
    return !visible && options.orderBy !== 'trend'
      ? this.rankedInDatabase(id, options, since)
      : this.rankedHere(id, options, since, visible);
  }

  private async rankedInDatabase(
    id: string,
    options: LeaderboardOptions,
    since: Date,
  ): Promise<Leaderboard> {
    const { groupBy, orderBy, order, limit, offset } = options;
    const filter = entityFilterOf(options);
    const ranked = await this.queries.rankGroups(
      id,
      groupBy,
      filter,
      { orderBy: orderBy as GroupRanking['orderBy'], order },
      { limit, offset },
    );
    const scope = { scorecardId: id, groupBy, filter, groups: ranked.groups };
    const [current, then] = await Promise.all([
      this.queries.getLeaderboard(scope),
      this.queries.getLeaderboardAt(since, scope),
    ]);
    const rank = new Map(ranked.groups.map((group, i) => [group, i]));
    const rows = withTrends(current, then, since);
    rows.sort((a, b) => rank.get(a.group)! - rank.get(b.group)!);
    return { items: rows, total: ranked.total };
  }

  private async rankedHere(
    id: string,
    options: LeaderboardOptions,
    since: Date,
    visible?: ReadonlySet<string>,
  ): Promise<Leaderboard> {
    const { groupBy, orderBy, order, limit, offset } = options;
    const filter = entityFilterOf(options);
    const scope = { scorecardId: id, groupBy, filter, visible };
    const [current, then] = await Promise.all([
      this.queries.getLeaderboard(scope),
      this.queries.getLeaderboardAt(since, scope),
    ]);
    const rows = withTrends(current, then, since);
    const direction = order === 'asc' ? 1 : -1;
    rows.sort(
      (a, b) => direction * COMPARE[orderBy](a, b) || COMPARE.group(a, b),
    );
    return { items: rows.slice(offset, offset + limit), total: rows.length };
  }
}

function withTrends(
  current: GroupStanding[],
  then: GroupStanding[],
  since: Date,
): LeaderboardRow[] {
  const averageThen = new Map(then.map(row => [row.group, row.averageScore]));
  return current.map(row => {
    const previous = averageThen.get(row.group) ?? null;
    return {
      ...row,
      trend: {
        since: since.toISOString(),
        averageScore: previous,
        change:
          previous !== null && row.averageScore !== null
            ? Math.round((row.averageScore - previous) * 10) / 10
            : null,
      },
    };
  });
}
