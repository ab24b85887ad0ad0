import { ResultSummary } from '@readiness/plugin-readiness-common';
import { Knex } from 'knex';
import { isoTime } from '../dialect';
import {
  GROUP_COLUMNS,
  rowsOfOuterEntity,
  whereEntityMatches,
  whereGroupIs,
} from '../resultQueries';
import {
  CHECKS_TABLE,
  ENTITIES_TABLE,
  EvaluatedEntityRow,
  RESULTS_TABLE,
  ResultRow,
} from '../tables';
import { keysetRanges } from './keysetRanges';
import {
  ResultFilter,
  ResultListQueries,
  ResultPosition,
} from './ResultListQueries';

/** The knex implementation of {@link ResultListQueries}. */
export class DatabaseResultListQueries implements ResultListQueries {
  constructor(private readonly db: Knex) {}

  async listResults(
    filter: ResultFilter,
    page: { limit: number; after?: ResultPosition },
  ): Promise<ResultSummary[]> {
    const order = (table: string) => [
      { column: 'score', order: 'asc' },
      { column: `${table}.entity_ref`, order: 'asc' },
    ];
    const firstOfRange = (narrow: (query: Knex.QueryBuilder) => unknown) =>
      this.matchingResults(filter)
        .modify(narrow)
        .select(`${RESULTS_TABLE}.entity_ref`, 'score', 'level')
        .orderBy(order(RESULTS_TABLE))
        .limit(page.limit);
    // The page first, then the evaluation times of its entities only.
    let pageOfResults: Knex.QueryBuilder;
    if (page.after) {
      // Each range of the score index read only as far as a page: one
      // condition with OR would read all of a tie to find where to start.
      const [tied, higher] = keysetRanges(this.db, page.after).map(
        (narrow, index) =>
          this.db.select('*').from(firstOfRange(narrow).as(`range${index}`)),
      );
      pageOfResults = this.db
        .select('*')
        .from(tied.unionAll(higher).as('ranges'))
        .orderBy(order('ranges'))
        .limit(page.limit)
        .as('page');
    } else {
      pageOfResults = firstOfRange(() => {}).as('page');
    }
    const rows: Array<
      Pick<ResultRow, 'entity_ref' | 'score' | 'level'> &
        Pick<EvaluatedEntityRow, 'evaluated_at'>
    > = await this.db
      .from(pageOfResults)
      .join(ENTITIES_TABLE, `${ENTITIES_TABLE}.entity_ref`, 'page.entity_ref')
      .select('page.entity_ref', 'score', 'level', 'evaluated_at')
      .orderBy(order('page'));
    return rows.map(row => ({
      entityRef: row.entity_ref,
      score: Number(row.score),
      level: row.level,
      evaluatedAt: isoTime(row.evaluated_at),
    }));
  }

  /** The results of the filter's scorecard that match the filter. */
  private matchingResults(filter: ResultFilter): Knex.QueryBuilder {
    const query = whereEntityMatches(
      this.db(RESULTS_TABLE).where({ scorecard_id: filter.scorecardId }),
      filter,
    );
    if (filter.status) {
      query.whereExists(
        rowsOfOuterEntity(this.db, CHECKS_TABLE, RESULTS_TABLE)
          .where(`${CHECKS_TABLE}.scorecard_id`, filter.scorecardId)
          .where(`${CHECKS_TABLE}.status`, filter.status)
          .modify(q => {
            if (filter.check) {
              q.where(`${CHECKS_TABLE}.check_id`, filter.check);
            }
          }),
      );
    }
    if (filter.level === 'none') {
      query.whereNull('level');
    } else if (filter.level) {
      query.where({ level: filter.level });
    }
    const lowerLevels = filter.levelIsNoneOr;
    if (lowerLevels) {
      query.where(below =>
        below.whereNull('level').orWhereIn('level', [...lowerLevels]),
      );
    }
    for (const grouping of ['owner', 'system', 'domain'] as const) {
      const ref = filter[grouping];
      if (ref) {
        whereGroupIs(query, GROUP_COLUMNS[grouping], ref);
      }
    }
    return query;
  }
}
