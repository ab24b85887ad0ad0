import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  Cell,
  CellText,
  ColumnConfig,
  CursorParams,
  Table,
  Text,
  useTable,
} from '@backstage/ui';
import type {
  LevelDefinition,
  ResultQuery,
  ResultSummary,
} from '@readiness/plugin-readiness-common';
import { readinessApiRef } from '../../api';
import { useStableQuery } from '../../hooks/useStableQuery';
import { readinessTranslationRef } from '../../translation';
import { levelTitle } from '../../utils/levels';
import { RelativeTime } from '../RelativeTime';

/** The entities a list shows: which scorecard, and which of its entities. */
export type EntityResultsQuery = Omit<ResultQuery, 'limit' | 'offset'>;

type ResultRow = ResultSummary & { id: string };

const PAGE_SIZE = 20;

/**
 * Entities' standing on a scorecard, lowest score first, paged, each linked
 * to its catalog page: the drill-down of the scorecard and leaderboard pages.
 */
export function EntityResultsTable(props: {
  query: EntityResultsQuery;
  levels: LevelDefinition[];
}) {
  const { query, levels } = props;
  const readinessApi = useApi(readinessApiRef);
  const { t } = useTranslationRef(readinessTranslationRef);
  const { tableProps } = useTable<ResultRow, EntityResultsQuery>({
    mode: 'cursor',
    // A new query (by value) starts again from the first page.
    filter: useStableQuery(query),
    paginationOptions: { pageSize: PAGE_SIZE, showPageSizeOptions: false },
    getData: async (params: CursorParams<EntityResultsQuery>) => {
      const { cursor, pageSize } = params;
      const offset = Number(cursor ?? 0);
      const { items, nextOffset } = await readinessApi.listResults({
        ...params.filter!,
        limit: pageSize,
        offset,
      });
      return {
        data: items.map(item => ({ ...item, id: item.entityRef })),
        nextCursor: nextOffset === null ? undefined : String(nextOffset),
        prevCursor:
          offset > 0 ? String(Math.max(0, offset - pageSize)) : undefined,
      };
    },
  });

  const columns: ColumnConfig<ResultRow>[] = [
    {
      id: 'entity',
      label: t('results.entity'),
      isRowHeader: true,
      cell: row => (
        <Cell>
          <EntityRefLink entityRef={row.entityRef} />
        </Cell>
      ),
    },
    {
      id: 'score',
      label: t('results.score'),
      cell: row => <CellText title={String(Math.round(row.score))} />,
    },
    {
      id: 'level',
      label: t('results.level'),
      cell: row => (
        <CellText
          title={row.level ? levelTitle(levels, row.level) : t('level.none')}
        />
      ),
    },
    {
      id: 'evaluatedAt',
      label: t('results.evaluated'),
      cell: row => (
        <Cell>
          <Text variant="body-small">
            <RelativeTime time={row.evaluatedAt} />
          </Text>
        </Cell>
      ),
    },
  ];

  if (tableProps.error) {
    return (
      <ResponseErrorPanel
        error={tableProps.error}
        title={t('results.errorTitle')}
      />
    );
  }
  return (
    <Table
      {...tableProps}
      columnConfig={columns}
      emptyState={<Text>{t('results.empty')}</Text>}
    />
  );
}
