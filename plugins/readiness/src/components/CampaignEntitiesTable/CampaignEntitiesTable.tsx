import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Button, Flex, Select, Table, Text } from '@backstage/ui';
import {
  NO_GROUP,
  type CampaignEntityPage,
} from '@readiness/plugin-readiness-common';
import { readinessTranslationRef } from '../../translation';
import { entityRefName } from '../../utils/entityRefName';
import type { ScorecardNames } from '../../utils/scorecardNames';
import { AsyncContent } from '../AsyncContent';
import { DownloadCsvButton } from '../DownloadCsvButton';
import { ErrorAlert } from '../ErrorAlert';
import {
  CampaignEntityFilter,
  useCampaignEntities,
} from './useCampaignEntities';
import { useCampaignEntityColumns } from './useCampaignEntityColumns';

const STATUSES = ['open', 'met', 'regressed', 'all'] as const;

/**
 * A campaign's entities, filtered by status and owner, in pages shown one
 * after the other ("Show more"), each with the checks it still needs; the
 * rows loaded can be saved as CSV.
 */
export function CampaignEntitiesTable(props: {
  campaign: string;
  filter: CampaignEntityFilter;
  onFilterChange: (filter: CampaignEntityFilter) => void;
  /** The first page for the filter, when it is already loaded. */
  firstPage?: CampaignEntityPage;
  names: ScorecardNames;
}) {
  const { campaign, filter, onFilterChange, firstPage, names } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const entities = useCampaignEntities(campaign, filter, firstPage);
  const { columns, csvColumns } = useCampaignEntityColumns(names);
  const rows = entities.items.map(item => ({ ...item, id: item.entityRef }));
  const ownerName =
    filter.owner && filter.owner !== NO_GROUP
      ? entityRefName(filter.owner)
      : t('leaderboard.noGroup.owner');

  return (
    <Flex direction="column" gap="3">
      <Flex justify="between" align="end" style={{ flexWrap: 'wrap' }}>
        <Flex gap="3" align="end">
          <Select
            label={t('campaignPage.status')}
            options={STATUSES.map(status => ({
              id: status,
              label: t(`campaignPage.statuses.${status}`),
            }))}
            value={filter.status}
            onChange={key =>
              onFilterChange({
                ...filter,
                status: key as CampaignEntityFilter['status'],
              })
            }
          />
          {filter.owner && (
            <Flex gap="2" align="center">
              <Text>{t('campaignPage.ownerFilter', { owner: ownerName })}</Text>
              <Button
                size="small"
                variant="tertiary"
                onPress={() => onFilterChange({ ...filter, owner: undefined })}
              >
                {t('campaignPage.allOwners')}
              </Button>
            </Flex>
          )}
        </Flex>
        {rows.length > 0 && (
          <DownloadCsvButton
            filename={`${campaign}-entities.csv`}
            columns={csvColumns}
            rows={rows}
            label={t('campaignPage.downloadEntities')}
          />
        )}
      </Flex>
      <AsyncContent
        state={{ ...entities, value: rows }}
        errorTitle={t('campaignPage.entitiesErrorTitle')}
      >
        {() => (
          <>
            <Table
              columnConfig={columns}
              data={rows}
              pagination={{ type: 'none' }}
              emptyState={<Text>{t('campaignPage.entitiesEmpty')}</Text>}
            />
            {rows.length > 0 && (
              <Text as="p" variant="body-small" color="secondary">
                {t('campaignPage.shown', {
                  shown: String(rows.length),
                  total: String(entities.total),
                })}
              </Text>
            )}
            {entities.loadMoreError && (
              <ErrorAlert
                title={t('campaignPage.entitiesErrorTitle')}
                error={entities.loadMoreError}
              />
            )}
            {entities.loadMore && (
              <Button
                variant="secondary"
                isPending={entities.loadingMore}
                onPress={entities.loadMore}
              >
                {t('campaignPage.showMore')}
              </Button>
            )}
          </>
        )}
      </AsyncContent>
    </Flex>
  );
}
