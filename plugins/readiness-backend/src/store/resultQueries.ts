import {
  EntityFilter,
  LeaderboardGrouping,
  NO_GROUP,
  ScorecardStanding,
} from '@readiness/plugin-readiness-common';
import { Knex } from 'knex';
import { RESULTS_TABLE } from './tables';

export const GROUP_COLUMNS: Record<LeaderboardGrouping, string> = {
  owner: 'owner_ref',
  system: 'system_ref',
  domain: 'domain_ref',
};

/**
 * Narrows a query to the entities of one owner, system or domain (its ref),
 * or of none (`NO_GROUP`). Refs are stored lower case, as the catalog
 * compares them; the one asked for may be spelled otherwise.
 */
export function whereGroupIs(
  query: Knex.QueryBuilder,
  column: string,
  ref: string,
): Knex.QueryBuilder {
  return ref === NO_GROUP
    ? query.whereNull(column)
    : query.where(column, ref.toLocaleLowerCase('en-US'));
}

/**
 * Escapes `%`, `_` and the escape character for a LIKE pattern. The escape
 * character is `!`: a backslash means different things in MySQL's strings.
 */
function likeLiteral(value: string): string {
  return value.replace(/[!%_]/g, c => `!${c}`);
}

/**
 * Narrows a query over the results table (under `table`, its name or alias)
 * to the entities matching the filter.
 */
export function whereEntityMatches(
  query: Knex.QueryBuilder,
  filter: EntityFilter,
  table: string = RESULTS_TABLE,
): Knex.QueryBuilder {
  if (filter.kind) {
    query.where(`${table}.entity_kind`, filter.kind.toLocaleLowerCase('en-US'));
  }
  if (filter.type) {
    query.where(`${table}.entity_type`, filter.type);
  }
  if (filter.lifecycle) {
    query.where(`${table}.lifecycle`, filter.lifecycle);
  }
  if (filter.tag) {
    query.whereRaw(`?? LIKE ? ESCAPE '!'`, [
      `${table}.tags`,
      `%,${likeLiteral(filter.tag)},%`,
    ]);
  }
  return query;
}

/**
 * The rows of `table` of the outer query's entity, for `WHERE [NOT] EXISTS`:
 * `select 1 from table where table.entity_ref = outerTable.entity_ref`.
 */
export function rowsOfOuterEntity(
  db: Knex,
  table: string,
  outerTable: string,
): Knex.QueryBuilder {
  return db(table)
    .select(db.raw('1'))
    .whereRaw('??.?? = ??.??', [table, 'entity_ref', outerTable, 'entity_ref']);
}

export interface LevelAggregateRow {
  group_ref?: string | null;
  level: string | null;
  entities: number | string;
  total: number | string | null;
  /** Waived checks; absent where the query does not count them. */
  waived?: number | string | null;
}

/**
 * Folds per-level counts and score sums into a standing; rows of one level
 * from several queries add up.
 */
export function standingOf(rows: LevelAggregateRow[]): ScorecardStanding {
  // Counts and sums come back as strings from PostgreSQL and MySQL.
  const entities = rows.reduce((n, row) => n + Number(row.entities), 0);
  const total = rows.reduce((n, row) => n + Number(row.total ?? 0), 0);
  const waivedChecks = rows.reduce((n, row) => n + Number(row.waived ?? 0), 0);
  return {
    entities,
    averageScore:
      entities > 0 ? Math.round((total / entities) * 10) / 10 : null,
    levelCounts: rows.reduce<Record<string, number>>((counts, row) => {
      const level = row.level ?? 'none';
      counts[level] = (counts[level] ?? 0) + Number(row.entities);
      return counts;
    }, {}),
    waivedChecks,
  };
}

/** Entity refs per query when a query is narrowed to some entities. */
const REFS_PER_QUERY = 1000;

/**
 * Runs an aggregate over all entities, or over the visible ones only, in
 * chunks so that no query carries more refs than databases accept. The
 * chunks' rows are partial aggregates that add up.
 */
export async function aggregateOver<Row>(
  visible: ReadonlySet<string> | undefined,
  entityRefColumn: string,
  build: () => Knex.QueryBuilder,
): Promise<Row[]> {
  if (!visible) {
    return build();
  }
  const refs = [...visible];
  const rows: Row[] = [];
  for (let i = 0; i < refs.length; i += REFS_PER_QUERY) {
    rows.push(
      ...(await build().whereIn(
        entityRefColumn,
        refs.slice(i, i + REFS_PER_QUERY),
      )),
    );
  }
  return rows;
}
