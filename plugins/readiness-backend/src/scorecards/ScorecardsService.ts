import {
  CheckStanding,
  EntityFilter,
  Leaderboard,
  LeaderboardQuery,
  LeaderboardRow,
  ScorecardDetails,
  ScorecardList,
  ScorecardOverview,
  StatusCounts,
} from '@readiness/plugin-readiness-common';
import { GroupRanking, GroupStanding, ReadinessStore } from '../store';
import { ScorecardRegistry } from './ScorecardRegistry';

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

function passRate(counts: StatusCounts): number | null {
  const decided = counts.pass + counts.fail + counts.unknown;
  return decided > 0 ? Math.round((counts.pass / decided) * 1000) / 1000 : null;
}

const NO_COUNTS: StatusCounts = {
  pass: 0,
  fail: 0,
  unknown: 0,
  'not-applicable': 0,
  waived: 0,
};

/**
 * The scorecards in force and how entities stand on them. Every figure is
 * computed over the entities `visible` holds (all when undefined): callers
 * see aggregates of what they may read only.
 */
export class ScorecardsService {
  constructor(
    private readonly registry: ScorecardRegistry,
    private readonly store: ReadinessStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The scorecard in force with this id; a `NotFoundError` otherwise. */
  find(id: string) {
    return this.registry.find(id);
  }

  async list(visible?: ReadonlySet<string>): Promise<ScorecardList> {
    return {
      items: await Promise.all(
        this.registry
          .list()
          .map(({ scorecard }) => this.overview(scorecard.id, visible)),
      ),
      problems: [...this.registry.listProblems()],
    };
  }

  async get(
    id: string,
    visible?: ReadonlySet<string>,
  ): Promise<ScorecardDetails> {
    const { scorecard, source } = this.find(id);
    const counts = await this.store.getCheckStatusCounts(id, visible);
    const checks: CheckStanding[] = scorecard.checks.map(check => {
      const checkCounts = counts.get(check.id) ?? NO_COUNTS;
      return {
        id: check.id,
        title: check.title,
        category: check.category,
        level: check.level,
        weight: check.weight,
        counts: checkCounts,
        passRate: passRate(checkCounts),
      };
    });
    return {
      scorecard: await this.overview(id, visible),
      definition: scorecard,
      checks,
      problems: this.registry.listProblems().filter(p => p.source === source),
    };
  }

  /**
   * Owners, systems or domains ranked on a scorecard, with the trend of
   * their average over the period and the group's ref as a stable
   * tie-break. Ranked and paged in the database when it can (the caller
   * sees every entity and the order is not the trend), so that only the
   * page's groups are read; otherwise ranked here from every group, as
   * partial aggregates over chunks of visible entities must be added up
   * first.
   */
  async leaderboard(
    id: string,
    options: LeaderboardOptions,
    visible?: ReadonlySet<string>,
  ): Promise<Leaderboard> {
    this.find(id);
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
    const ranked = await this.store.rankGroups(
      id,
      groupBy,
      filter,
      { orderBy: orderBy as GroupRanking['orderBy'], order },
      { limit, offset },
    );
    const [current, then] = await Promise.all([
      this.store.getLeaderboard(id, groupBy, filter, undefined, ranked.groups),
      this.store.getLeaderboardAt(
        since,
        id,
        groupBy,
        filter,
        undefined,
        ranked.groups,
      ),
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
    const [current, then] = await Promise.all([
      this.store.getLeaderboard(id, groupBy, filter, visible),
      this.store.getLeaderboardAt(since, id, groupBy, filter, visible),
    ]);
    const rows = withTrends(current, then, since);
    const direction = order === 'asc' ? 1 : -1;
    rows.sort(
      (a, b) => direction * COMPARE[orderBy](a, b) || COMPARE.group(a, b),
    );
    return { items: rows.slice(offset, offset + limit), total: rows.length };
  }

  private async overview(
    id: string,
    visible?: ReadonlySet<string>,
  ): Promise<ScorecardOverview> {
    const { scorecard, source } = this.find(id);
    return {
      id: scorecard.id,
      title: scorecard.title,
      description: scorecard.description,
      ...(scorecard.owner && { owner: scorecard.owner }),
      source,
      levels: scorecard.levels,
      categories: scorecard.categories.map(({ id: categoryId, title }) => ({
        id: categoryId,
        title,
      })),
      checks: scorecard.checks.length,
      ...(await this.store.getScorecardStanding(id, visible)),
    };
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
