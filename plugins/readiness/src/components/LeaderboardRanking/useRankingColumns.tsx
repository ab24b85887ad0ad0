import { parseEntityRef } from '@backstage/catalog-model';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Button, Cell, CellText, ColumnConfig } from '@backstage/ui';
import {
  NO_GROUP,
  type LeaderboardGrouping,
  type LeaderboardRow,
  type LevelDefinition,
} from '@readiness/plugin-readiness-common';
import { readinessTranslationRef } from '../../translation';
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
    {
      id: 'group',
      label: t(`grouping.${groupBy}`),
      isRowHeader: true,
      isSortable: true,
      cell: row => (
        <Cell>
          {row.group ? (
            <EntityRefLink entityRef={row.group} />
          ) : (
            t(`leaderboard.noGroup.${groupBy}`)
          )}
        </Cell>
      ),
    },
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
    {
      id: 'actions',
      label: t('leaderboard.actions'),
      cell: row => (
        <Cell>
          <Button
            size="small"
            variant="secondary"
            aria-label={
              row.group
                ? t('leaderboard.showEntitiesLabel', {
                    group: parseEntityRef(row.group).name,
                  })
                : t(`leaderboard.entitiesWithout.${groupBy}`)
            }
            onPress={() => onShowEntities(row.group ?? NO_GROUP)}
          >
            {t('leaderboard.showEntities')}
          </Button>
        </Cell>
      ),
    },
  ];
}
