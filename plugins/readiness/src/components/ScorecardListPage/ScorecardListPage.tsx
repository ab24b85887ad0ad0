import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Cell, CellText, ColumnConfig, Flex, Table, Text } from '@backstage/ui';
import type { ScorecardOverview } from '@readiness/plugin-readiness-common';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api';
import { useReadinessPageLink } from '../../hooks/useReadinessPageLink';
import { readinessTranslationRef } from '../../translation';
import { LevelDistribution } from '../LevelDistribution';
import { ScorecardProblems } from '../ScorecardProblems';

/**
 * The scorecards in force: for each, how many entities it scores, their
 * average, the checks waived and how they spread over the levels; and the
 * definitions kept out.
 */
export function ScorecardListPage() {
  const readinessApi = useApi(readinessApiRef);
  const { t } = useTranslationRef(readinessTranslationRef);
  const pageLink = useReadinessPageLink();
  const { value, loading, error } = useAsync(
    () => readinessApi.getScorecards(),
    [readinessApi],
  );

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <ResponseErrorPanel error={error} title={t('scorecards.errorTitle')} />
    );
  }

  const columns: ColumnConfig<ScorecardOverview>[] = [
    {
      id: 'title',
      label: t('scorecards.scorecard'),
      isRowHeader: true,
      cell: scorecard => (
        <CellText
          title={scorecard.title}
          description={scorecard.description}
          href={pageLink({ scorecard: scorecard.id })}
        />
      ),
    },
    {
      id: 'checks',
      label: t('scorecards.checks'),
      cell: scorecard => <CellText title={String(scorecard.checks)} />,
    },
    {
      id: 'entities',
      label: t('scorecards.entities'),
      cell: scorecard => <CellText title={String(scorecard.entities)} />,
    },
    {
      id: 'averageScore',
      label: t('scorecards.averageScore'),
      cell: scorecard => (
        <CellText
          title={
            scorecard.averageScore === null
              ? t('scorecards.notScored')
              : String(Math.round(scorecard.averageScore))
          }
        />
      ),
    },
    {
      // Beside the average, so that a score raised by waivers shows.
      id: 'waivedChecks',
      label: t('scorecards.waivedChecks'),
      cell: scorecard => <CellText title={String(scorecard.waivedChecks)} />,
    },
    {
      id: 'levels',
      label: t('scorecards.levels'),
      cell: scorecard => (
        <Cell>
          <LevelDistribution
            levels={scorecard.levels}
            counts={scorecard.levelCounts}
          />
        </Cell>
      ),
    },
  ];

  return (
    <Flex direction="column" gap="4">
      <ScorecardProblems problems={value?.problems ?? []} />
      {value?.items.length ? (
        <Table
          columnConfig={columns}
          data={value.items}
          pagination={{ type: 'none' }}
        />
      ) : (
        <Text as="p">{t('scorecards.empty')}</Text>
      )}
    </Flex>
  );
}
