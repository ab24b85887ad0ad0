import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Flex, Table, Text } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api';
import { readinessTranslationRef } from '../../translation';
import { AsyncContent } from '../AsyncContent';
import { DownloadCsvButton } from '../DownloadCsvButton';
import { ScorecardProblems } from '../ScorecardProblems';
import { useCampaignColumns } from './useCampaignColumns';

/**
 * The campaigns: each one's scorecard, goal, owner, progress, time left and
 * regressions, linked to its page; the definitions kept out; a CSV export.
 */
export function CampaignsPage() {
  const readinessApi = useApi(readinessApiRef);
  const { t } = useTranslationRef(readinessTranslationRef);
  const campaigns = useAsync(() => readinessApi.getCampaigns(), [readinessApi]);
  // Only to name scorecards and levels: without them, ids are shown.
  const scorecards = useAsync(
    () => readinessApi.getScorecards(),
    [readinessApi],
  );
  const { columns, csvColumns } = useCampaignColumns(
    scorecards.value?.items ?? [],
  );

  return (
    <AsyncContent state={campaigns} errorTitle={t('campaigns.errorTitle')}>
      {value => {
        const items = value?.items ?? [];
        const problems = value?.problems ?? [];
        return (
          <Flex direction="column" gap="4">
            <Text as="p">{t('campaigns.description')}</Text>
            <ScorecardProblems
              problems={problems}
              title={t('campaigns.problems', { count: problems.length })}
            />
            {items.length ? (
              <>
                <DownloadCsvButton
                  filename="campaigns.csv"
                  columns={csvColumns}
                  rows={items}
                  label={t('campaigns.downloadCsv')}
                />
                <Table
                  columnConfig={columns}
                  data={items}
                  pagination={{ type: 'none' }}
                />
              </>
            ) : (
              <Text as="p">{t('campaigns.empty')}</Text>
            )}
          </Flex>
        );
      }}
    </AsyncContent>
  );
}
