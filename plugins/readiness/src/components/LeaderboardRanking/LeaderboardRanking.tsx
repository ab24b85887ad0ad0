import { parseEntityRef } from '@backstage/catalog-model';
import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  Flex,
  OffsetParams,
  SortDescriptor,
  Table,
  Text,
  useTable,
} from '@backstage/ui';
import type {
  LeaderboardQuery,
  LevelDefinition,
} from '@readiness/plugin-readiness-common';
import { readinessApiRef } from '../../api';
import { useStableQuery } from '../../hooks/useStableQuery';
import { readinessTranslationRef } from '../../translation';
import { LeaderboardCsvButton } from './LeaderboardCsvButton';
import { LeaderboardTrendChart } from './LeaderboardTrendChart';
import { RankingRow, useRankingColumns } from './useRankingColumns';

/** What the ranking shows; the table adds order and paging. */
export type RankingQuery = Omit<
  LeaderboardQuery,
  'orderBy' | 'order' | 'limit' | 'offset'
>;

const SORTABLE = ['group', 'entities', 'averageScore', 'trend'] as const;

const INITIAL_SORT: SortDescriptor = {
  column: 'averageScore',
  direction: 'descending',
};

const PAGE_SIZE = 20;

/**
 * Owners, systems or domains ranked on a scorecard: a chart of each one's
 * average now and at the start of the period, and a sortable, paged table
 * with entities, average, levels and trend, from which to list the entities,
 * and the whole ranking as a CSV file.
 */
export function LeaderboardRanking(props: {
  query: RankingQuery;
  levels: LevelDefinition[];
  onShowEntities: (group: string) => void;
}) {
  const { query, levels, onShowEntities } = props;
  const readinessApi = useApi(readinessApiRef);
  const { t } = useTranslationRef(readinessTranslationRef);
  const columns = useRankingColumns({
    groupBy: query.groupBy,
    levels,
    onShowEntities,
  });

  const { tableProps } = useTable<RankingRow, RankingQuery>({
    mode: 'offset',
    filter: useStableQuery(query),
    initialSort: INITIAL_SORT,
    paginationOptions: { pageSize: PAGE_SIZE },
    getData: async (params: OffsetParams<RankingQuery>) => {
      const { items, total } = await readinessApi.getLeaderboard({
        ...params.filter!,
        orderBy: SORTABLE.find(id => id === params.sort?.column),
        order: params.sort?.direction === 'ascending' ? 'asc' : 'desc',
        limit: params.pageSize,
        offset: params.offset,
      });
      return {
        data: items.map(item => ({ ...item, id: item.group ?? '' })),
        totalCount: total,
      };
    },
  });

  if (tableProps.error) {
    return (
      <ResponseErrorPanel
        error={tableProps.error}
        title={t('leaderboard.errorTitle')}
      />
    );
  }
  const rows = tableProps.data ?? [];
  return (
    <Flex direction="column" gap="4">
      {rows.length > 0 && (
        <LeaderboardTrendChart
          periodDays={query.periodDays ?? 30}
          bars={rows.map(row => ({
            name: row.group
              ? parseEntityRef(row.group).name
              : t(`leaderboard.noGroup.${query.groupBy}`),
            then: row.trend.averageScore,
            now: row.averageScore,
          }))}
        />
      )}
      <Table
        {...tableProps}
        columnConfig={columns}
        emptyState={<Text>{t('leaderboard.empty')}</Text>}
      />
      {rows.length > 0 && (
        <LeaderboardCsvButton query={query} levels={levels} />
      )}
    </Flex>
  );
}
