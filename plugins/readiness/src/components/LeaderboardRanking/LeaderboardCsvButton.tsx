import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type {
  LeaderboardRow,
  LevelDefinition,
} from '@readiness/plugin-readiness-common';
import { readinessApiRef } from '../../api';
import { readinessTranslationRef } from '../../translation';
import { CsvColumn } from '../../utils/csv';
import { levelCounts } from '../../utils/levels';
import { DownloadCsvButton } from '../DownloadCsvButton';
import type { RankingQuery } from './LeaderboardRanking';

/** Groups per request, the most the API gives. */
const PAGE_SIZE = 500;
/** Requests at most: a file of 10,000 groups. */
const MAX_PAGES = 20;

/**
 * Saves the whole leaderboard the ranking shows (every page, best average
 * first) as a CSV file: one row per group, a column per level.
 */
export function LeaderboardCsvButton(props: {
  query: RankingQuery;
  levels: LevelDefinition[];
}) {
  const { query, levels } = props;
  const readinessApi = useApi(readinessApiRef);
  const { t } = useTranslationRef(readinessTranslationRef);

  const loadRows = async () => {
    const rows: LeaderboardRow[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const { items, total } = await readinessApi.getLeaderboard({
        ...query,
        orderBy: 'averageScore',
        order: 'desc',
        limit: PAGE_SIZE,
        offset: rows.length,
      });
      rows.push(...items);
      if (items.length === 0 || rows.length >= total) {
        break;
      }
    }
    return rows;
  };

  const columns: CsvColumn<LeaderboardRow>[] = [
    {
      title: t(`grouping.${query.groupBy}`),
      value: row => row.group ?? t(`leaderboard.noGroup.${query.groupBy}`),
    },
    { title: t('leaderboard.entities'), value: row => row.entities },
    { title: t('leaderboard.averageScore'), value: row => row.averageScore },
    { title: t('leaderboard.waivedChecks'), value: row => row.waivedChecks },
    ...levelCounts(levels, {}, t('level.none')).map(level => ({
      title: level.title,
      value: (row: LeaderboardRow) => row.levelCounts[level.id] ?? 0,
    })),
    {
      title: t('leaderboard.csvAverageThen'),
      value: row => row.trend.averageScore,
    },
    { title: t('leaderboard.csvChange'), value: row => row.trend.change },
  ];

  return (
    <DownloadCsvButton
      filename={`leaderboard-${query.scorecard}-${query.groupBy}${
        query.rollup ? '-rollup' : ''
      }.csv`}
      columns={columns}
      rows={loadRows}
      label={t('leaderboard.downloadCsv')}
    />
  );
}
