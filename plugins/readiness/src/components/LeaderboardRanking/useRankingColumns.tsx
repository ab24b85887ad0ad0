import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Cell, CellText, ColumnConfig } from '@backstage/ui';
import {
  type LeaderboardGrouping,
  type LeaderboardRow,
  type LevelDefinition,
} from '@readiness/plugin-readiness-common';
import { readinessTranslationRef } from '../../translation';
import { groupColumn, groupEntitiesColumn } from '../GroupColumns';
import { LevelDistribution } from '../LevelDistribution';
import { TrendValue } from '../TrendValue';

/** A leaderboard row as the table keys it. */
export type RankingRow = LeaderboardRow & { id: string };

/**
 * The ranking's columns: the group (linked to its catalog page), entities,
 * average, checks waived, levels, trend, and the button that lists the
 * group's entities.
 * The ids of the sortable ones are the backend's `orderBy` values.
 */
export function useRankingColumns(options: {
  groupBy: LeaderboardGrouping;
  levels: LevelDefinition[];
  /** With the group's ref, or `NO_GROUP` for the entities declaring none. */
  onShowEntities: (group: string) => void;
}): ColumnConfig<RankingRow>[] {
  const { groupBy, levels, onShowEntities } = options;
  const { t } = useTranslationRef(readinessTranslationRef);

  return [
    groupColumn({
      label: t(`grouping.${groupBy}`),
      groupBy,
      isSortable: true,
    }),
    {
      id: 'entities',
      label: t('leaderboard.entities'),
      isSortable: true,
      cell: row => <CellText title={String(row.entities)} />,
    },
    {
      id: 'averageScore',
      label: t('leaderboard.averageScore'),
      isSortable: true,
      cell: row => (
        <CellText
          title={
            row.averageScore === null
              ? '–'
              : String(Math.round(row.averageScore))
          }
        />
      ),
    },
    {
      // Beside the average, so that a score raised by waivers shows.
      id: 'waivedChecks',
      label: t('leaderboard.waivedChecks'),
      cell: row => <CellText title={String(row.waivedChecks)} />,
    },
    {
      id: 'levels',
      label: t('leaderboard.levels'),
      cell: row => (
        <Cell>
          <LevelDistribution levels={levels} counts={row.levelCounts} />
        </Cell>
      ),
    },
    {
      id: 'trend',
      label: t('leaderboard.trend'),
      isSortable: true,
      cell: row => (
        <Cell>
          <TrendValue trend={row.trend} />
        </Cell>
      ),
    },
    groupEntitiesColumn({
      label: t('leaderboard.actions'),
      groupBy,
      onShowEntities,
    }),
  ];
}
