import {
  EntityFilter,
  LeaderboardGrouping,
} from '@readiness/plugin-readiness-common';
import { Knex } from 'knex';
import {
  aggregateOver,
  GROUP_COLUMNS,
  LevelAggregateRow,
  whereEntityMatches,
} from '../resultQueries';
import { HISTORY_TABLE, RESULTS_TABLE } from '../tables';
import { groupStandingsOf, whereGroupIn } from './groupStandings';
import {
  GroupRanking,
  GroupStanding,
  LeaderboardQueries,
  LeaderboardScope,
} from './LeaderboardQueries';

/** The knex implementation of {@link LeaderboardQueries}. */
export class DatabaseLeaderboardQueries implements LeaderboardQueries {
  constructor(private readonly db: Knex) {}

  async getLeaderboard(scope: LeaderboardScope): Promise<GroupStanding[]> {
    const { scorecardId, groupBy, filter, visible, groups, rollup } = scope;
    const column = GROUP_COLUMNS[groupBy];
    const rows = await aggregateOver<LevelAggregateRow>(
      visible,
      'entity_ref',
      () =>
        whereGroupIn(
          whereEntityMatches(
            this.db(RESULTS_TABLE).where({ scorecard_id: scorecardId }),
            filter,
          ),
          column,
          groups,
        )
          .groupBy(column, 'level')
          .select({ group_ref: column, level: 'level' })
          .count({ entities: '*' })
          .sum({ total: 'score', waived: 'waived_checks' }),
    );
    return groupStandingsOf(rows, rollup);
  }

  async getLeaderboardAt(
    time: Date,
    scope: LeaderboardScope,
  ): Promise<GroupStanding[]> {
    const { scorecardId, groupBy, filter, visible, groups, rollup } = scope;
    // Nothing recorded by then (a young installation, a short history
    // retention): no group had a standing, and no need to look further.
    const anyThen = await this.db(HISTORY_TABLE)
      .where({ scorecard_id: scorecardId })
      .where('changed_at', '<=', time)
      .first('id');
    if (!anyThen) {
      return [];
    }
    const column = `${RESULTS_TABLE}.${GROUP_COLUMNS[groupBy]}`;
    const level = `${HISTORY_TABLE}.level_after`;
    // Each entity's last recorded change up to then, in one pass over the
    // history; ids grow with time, so the highest id is the latest change.
    const lastChangesThen = this.db(HISTORY_TABLE)
      .where({ scorecard_id: scorecardId })
      .where('changed_at', '<=', time)
      .groupBy('entity_ref')
      .select('entity_ref', this.db.raw('max(id) as last_id'))
      .as('latest');
    const rows = await aggregateOver<LevelAggregateRow>(
      visible,
      `${RESULTS_TABLE}.entity_ref`,
      () =>
        whereGroupIn(
          whereEntityMatches(
            this.db(RESULTS_TABLE)
              .join(
                lastChangesThen,
                'latest.entity_ref',
                `${RESULTS_TABLE}.entity_ref`,
              )
              .join(HISTORY_TABLE, `${HISTORY_TABLE}.id`, 'latest.last_id')
              .where(`${RESULTS_TABLE}.scorecard_id`, scorecardId),
            filter,
          ),
          column,
          groups,
        )
          .groupBy(column, level)
          .select({ group_ref: column, level })
          .count({ entities: '*' })
          .sum({ total: `${HISTORY_TABLE}.score_after` }),
    );
    return groupStandingsOf(rows, rollup);
  }

  async rankGroups(
    scorecardId: string,
    groupBy: LeaderboardGrouping,
    filter: EntityFilter,
    ranking: GroupRanking,
    page: { limit: number; offset: number },
  ): Promise<{ groups: Array<string | null>; total: number }> {
    const column = GROUP_COLUMNS[groupBy];
    const grouped = () =>
      whereEntityMatches(
        this.db(RESULTS_TABLE).where({ scorecard_id: scorecardId }),
        filter,
      ).groupBy(column);
    const byGroup = (direction: 'asc' | 'desc') =>
      `CASE WHEN ?? IS NULL THEN 0 ELSE 1 END ${direction}, ?? ${direction}`;
    const query = grouped().select({ group_ref: column });
    if (ranking.orderBy === 'group') {
      query.orderByRaw(byGroup(ranking.order), [column, column]);
    } else {
      const measure =
        ranking.orderBy === 'entities' ? 'count(*)' : 'avg(score)';
      query.orderByRaw(`${measure} ${ranking.order}, ${byGroup('asc')}`, [
        column,
        column,
      ]);
    }
    const rows: Array<{ group_ref: string | null; total: number | string }> =
      await query
        .select(this.db.raw('count(*) over () as total'))
        .limit(page.limit)
        .offset(page.offset);
    if (rows.length > 0) {
      return {
        groups: rows.map(row => row.group_ref),
        total: Number(rows[0].total),
      };
    }
    // A page past the end: the count of groups alone.
    const [{ n }] = await this.db
      .from(grouped().select(this.db.raw('1 as one')).as('groups'))
      .count({ n: '*' });
    return { groups: [], total: Number(n) };
  }
}
