import { Knex } from 'knex';
import { LevelAggregateRow, standingOf } from '../resultQueries';
import { GroupRollup, GroupStanding } from './LeaderboardQueries';

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

/**
 * Folds rows aggregated by group and level into one standing per group;
 * given a roll-up, each of its groups adds up the rows of the owners it
 * rolls up (standingOf adds rows of one level).
 */
export function groupStandingsOf(
  rows: LevelAggregateRow[],
  rollup?: GroupRollup,
): GroupStanding[] {
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
  if (!rollup) {
    return [...byGroup].map(([group, levelRows]) => ({
      group,
      ...standingOf(levelRows),
    }));
  }
  const standings: GroupStanding[] = [];
  for (const [group, levelRows] of byGroup) {
    if (group === null || !rollup.has(group)) {
      standings.push({ group, ...standingOf(levelRows) });
    }
  }
  for (const [group, owners] of rollup) {
    const levelRows = owners.flatMap(owner => byGroup.get(owner) ?? []);
    if (levelRows.length > 0) {
      standings.push({ group, ...standingOf(levelRows) });
    }
  }
  return standings;
}
