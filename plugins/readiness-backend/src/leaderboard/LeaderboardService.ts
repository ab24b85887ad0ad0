import {
  EntityFilter,
  Leaderboard,
  LeaderboardQuery,
  LeaderboardRow,
  LeaderboardTrend,
} from '@readiness/plugin-readiness-common';
import { InputError } from '@backstage/errors';
import { compareText } from '../lib/compareText';
import { ScorecardRegistry } from '../scorecards/ScorecardRegistry';
import {
  GroupRanking,
  GroupRollup,
  GroupStanding,
  LeaderboardQueries,
} from '../store';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** What the router passes on, defaults applied. */
export type LeaderboardOptions = Required<
  Pick<
    LeaderboardQuery,
    'groupBy' | 'orderBy' | 'order' | 'periodDays' | 'limit' | 'offset'
  >
> &
  EntityFilter;

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
   * must be added up first. Given a roll-up (by owner, read once the query
   * is known to be good), each group's figures add up those of the owners
   * it rolls up, ranked here too.
   */
  async leaderboard(
    id: string,
    options: LeaderboardOptions,
    visible?: ReadonlySet<string>,
    readRollup?: () => Promise<GroupRollup>,
  ): Promise<Leaderboard> {
    // A NotFoundError for a scorecard not in force.
    this.registry.find(id);
    if (readRollup && options.groupBy !== 'owner') {
      throw new InputError(
        'rollup applies to groupBy=owner only: groups roll up the entities of the groups under them',
      );
    }
    const rollup = await readRollup?.();
    const since = new Date(this.now().getTime() - options.periodDays * DAY_MS);
    return !visible && !rollup && options.orderBy !== 'trend'
      ? this.rankedInDatabase(id, options, since)
      : this.rankedHere(id, options, since, visible, rollup);
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
    rollup?: GroupRollup,
  ): Promise<Leaderboard> {
    const { groupBy, orderBy, order, limit, offset } = options;
    const filter = entityFilterOf(options);
    const scope = { scorecardId: id, groupBy, filter, visible, rollup };
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

/** How an average moved since a time; `null` figures where one is missing. */
export function trendOf(
  averageNow: number | null,
  averageThen: number | null,
  since: Date,
): LeaderboardTrend {
  return {
    since: since.toISOString(),
    averageScore: averageThen,
    change:
      averageThen !== null && averageNow !== null
        ? Math.round((averageNow - averageThen) * 10) / 10
        : null,
  };
}

function withTrends(
  current: GroupStanding[],
  then: GroupStanding[],
  since: Date,
): LeaderboardRow[] {
  const averageThen = new Map(then.map(row => [row.group, row.averageScore]));
  return current.map(row => ({
    ...row,
    trend: trendOf(row.averageScore, averageThen.get(row.group) ?? null, since),
  }));
}
