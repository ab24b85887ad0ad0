import {
  CheckStatus,
  ScorecardStanding,
} from '@readiness/plugin-readiness-common';
import { Knex } from 'knex';
import { aggregateOver, LevelAggregateRow, standingOf } from '../resultQueries';
import { CHECKS_TABLE, RESULTS_TABLE } from '../tables';
import { CheckStatusCounts, StandingQueries } from './StandingQueries';

const STATUSES: CheckStatus[] = [
  'pass',
  'fail',
  'unknown',
  'not-applicable',
  'waived',
];

/** The knex implementation of {@link StandingQueries}. */
export class DatabaseStandingQueries implements StandingQueries {
  constructor(private readonly db: Knex) {}

  async getScorecardStanding(
    scorecardId: string,
    visible?: ReadonlySet<string>,
  ): Promise<ScorecardStanding> {
    const rows = await aggregateOver<LevelAggregateRow>(
      visible,
      'entity_ref',
      () =>
        this.db(RESULTS_TABLE)
          .where({ scorecard_id: scorecardId })
          .groupBy('level')
          .select('level')
          .count({ entities: '*' })
          .sum({ total: 'score', waived: 'waived_checks' }),
    );
    return standingOf(rows);
  }

  async getCheckStatusCounts(
    scorecardId: string,
    visible?: ReadonlySet<string>,
  ): Promise<CheckStatusCounts> {
    const rows = await aggregateOver<{
      check_id: string;
      status: CheckStatus;
      n: number | string;
    }>(visible, 'entity_ref', () =>
      this.db(CHECKS_TABLE)
        .where({ scorecard_id: scorecardId })
        .groupBy('check_id', 'status')
        .select('check_id', 'status')
        .count({ n: '*' }),
    );
    const counts: CheckStatusCounts = new Map();
    for (const row of rows) {
      let checkCounts = counts.get(row.check_id);
      if (!checkCounts) {
        checkCounts = Object.fromEntries(STATUSES.map(s => [s, 0])) as Record<
          CheckStatus,
          number
        >;
        counts.set(row.check_id, checkCounts);
      }
      checkCounts[row.status] += Number(row.n);
    }
    return counts;
  }
}
