import { Knex } from 'knex';
import { RESULTS_TABLE } from '../tables';
import { ResultPosition } from './ResultListQueries';

/**
 * A score read back from the results table, to compare the column with.
 * The column is single precision; MySQL may compare it with the value as a
 * double, and 61.6 as stored (61.5999985) is not 61.6 as a double, so the
 * value is cast alike there. PostgreSQL types the parameter as the column.
 */
function storedScore(db: Knex, score: number): number | Knex.Raw {
  return String(db.client.config.client).includes('mysql')
    ? db.raw('CAST(? AS FLOAT)', [score])
    : score;
}

/**
 * The results after this position, lowest score first, then by entity ref
 * (`score > ? OR (score = ? AND entity_ref > ?)`), as two conditions that
 * each give one range of the (scorecard_id, score, entity_ref) index: the
 * rest of the position's score, then the higher scores.
 */
export function keysetRanges(
  db: Knex,
  after: ResultPosition,
): Array<(query: Knex.QueryBuilder) => Knex.QueryBuilder> {
  const score = storedScore(db, after.score);
  return [
    query =>
      query
        .where(`${RESULTS_TABLE}.score`, '=', score)
        .where(`${RESULTS_TABLE}.entity_ref`, '>', after.entityRef),
    query => query.where(`${RESULTS_TABLE}.score`, '>', score),
  ];
}
