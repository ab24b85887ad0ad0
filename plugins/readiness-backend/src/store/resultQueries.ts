import {
  EntityFilter,
  LeaderboardGrouping,
  ScorecardStanding,
} from '@readiness/plugin-readiness-common';
import { Knex } from 'knex';
import {
  EntityAttributes,
  GroupStanding,
  ResultPosition,
} from './ReadinessStore';

export const RESULTS_TABLE = 'readiness_scorecard_results';
export const CHECKS_TABLE = 'readiness_check_results';
export const HISTORY_TABLE = 'readiness_history';
export const FACTS_TABLE = 'readiness_entity_facts';
export const ENTITIES_TABLE = 'readiness_evaluated_entities';

export const GROUP_COLUMNS: Record<LeaderboardGrouping, string> = {
  owner: 'owner_ref',
  system: 'system_ref',
  domain: 'domain_ref',
};

const MAX_TEXT = 255;
const MAX_TAGS = 1024;
const MAX_REF = 512;

/** `,a,b,`: as many tags as the column holds, each findable with LIKE. */
function tagsColumn(tags: string[]): string | null {
  let column = ',';
  for (const tag of tags) {
    if (column.length + tag.length + 1 > MAX_TAGS) {
      break;
    }
    column += `${tag},`;
  }
  return column === ',' ? null : column;
}

/**
 * A ref as its column holds it. One longer than the column cannot name an
 * entity (names are at most 63 characters), so it is kept as naming none
 * rather than cut into a ref of another.
 */
function refColumn(ref: string | null | undefined): string | null {
  return ref && ref.length <= MAX_REF ? ref : null;
}

/**
 * The result columns an entity's attributes are kept in. Catalog values have
 * no length limit, and entity authors write them: longer ones are cut to
 * what the columns hold, so that no entity fails to store.
 */
export function attributeColumns(attributes?: EntityAttributes) {
  return {
    owner_ref: refColumn(attributes?.owner),
    system_ref: refColumn(attributes?.system),
    domain_ref: refColumn(attributes?.domain),
    entity_kind: attributes?.kind.slice(0, 63) ?? null,
    entity_type: attributes?.type?.slice(0, MAX_TEXT) ?? null,
    lifecycle: attributes?.lifecycle?.slice(0, MAX_TEXT) ?? null,
    tags: tagsColumn(attributes?.tags ?? []),
  };
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

/** Narrows a query to these groups; `null` stands for "declares none". */
export function whereGroupIn(
  query: Knex.QueryBuilder,
  column: string,
  groups: ReadonlyArray<string | null> | undefined,
): Knex.QueryBuilder {
  if (!groups) {
    return query;
  }
  const refs = groups.filter((group): group is string => group !== null);
  return query.where(q => {
    q.whereIn(column, refs);
    if (refs.length < groups.length) {
      q.orWhereNull(column);
    }
  });
}

export interface LevelAggregateRow {
  group_ref?: string | null;
  level: string | null;
  entities: number | string;
  total: number | string | null;
}

/**
 * Folds per-level counts and score sums into a standing; rows of one level
 * from several queries add up.
 */
export function standingOf(rows: LevelAggregateRow[]): ScorecardStanding {
  // Counts and sums come back as strings from PostgreSQL and MySQL.
  const entities = rows.reduce((n, row) => n + Number(row.entities), 0);
  const total = rows.reduce((n, row) => n + Number(row.total ?? 0), 0);
  return {
    entities,
    averageScore:
      entities > 0 ? Math.round((total / entities) * 10) / 10 : null,
    levelCounts: rows.reduce<Record<string, number>>((counts, row) => {
      const level = row.level ?? 'none';
      counts[level] = (counts[level] ?? 0) + Number(row.entities);
      return counts;
    }, {}),
  };
}

/** Folds rows aggregated by group and level into one standing per group. */
export function groupStandingsOf(rows: LevelAggregateRow[]): GroupStanding[] {
  const byGroup = new Map<string | null, LevelAggregateRow[]>();
  for (const row of rows) {
    const group = row.group_ref ?? null;
    const groupRows = byGroup.get(group);
    if (groupRows) {
      groupRows.push(row);
    } else {
      byGroup.set(group, [row]);
    }
  }
  return [...byGroup].map(([group, levelRows]) => ({
    group,
    ...standingOf(levelRows),
  }));
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
