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
export type EntityResultsQuery = Omit<ResultQuery, 'limit' | 'cursor'>;

type ResultRow = ResultSummary & { id: string };

const PAGE_SIZE = 20;

/**
 * The backend reads a bounded number of results per request, so a caller
 * who sees few entities gets pages that are not full; a table page asks
 * again up to this many times to fill itself, then shows what it has.
 */
const REQUESTS_PER_PAGE = 5;

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
    // The table remembers the cursor of each page it came from, for "back".
    getData: async (params: CursorParams<EntityResultsQuery>) => {
      const { pageSize } = params;
      const data: ResultRow[] = [];
      let cursor = params.cursor;
      for (let request = 0; request < REQUESTS_PER_PAGE; request++) {
        const page = await readinessApi.listResults({
          ...params.filter!,
          limit: pageSize - data.length,
          cursor,
        });
        data.push(...page.items.map(item => ({ ...item, id: item.entityRef })));
        cursor = page.nextCursor ?? undefined;
        if (data.length === pageSize || !cursor) {
          break;
        }
      }
      return { data, nextCursor: cursor };
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
