import { parseEntityRef } from '@backstage/catalog-model';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  Cell,
  CellText,
  ColumnConfig,
  Flex,
  Select,
  Table,
} from '@backstage/ui';
import {
  type CampaignDetails,
  type LeaderboardGrouping,
} from '@readiness/plugin-readiness-common';
import { readinessTranslationRef } from '../../translation';
import { CsvColumn } from '../../utils/csv';
import { CampaignProgressBar } from '../CampaignProgressBar';
import { DownloadCsvButton } from '../DownloadCsvButton';
import { groupColumn, groupEntitiesColumn } from '../GroupColumns';
import { GROUPINGS } from '../LeaderboardFilters/leaderboardSelection';
import { CampaignGroupRow, campaignGroupRows } from './campaignGroupRows';

/**
 * A campaign's progress per owner, system or domain, the least advanced
 * first, with a CSV export; per owner, a button lists the owner's entities
 * (the entity list filters on owners only).
 */
export function CampaignGroupTable(props: {
  details: CampaignDetails;
  groupBy: LeaderboardGrouping;
  onGroupByChange: (groupBy: LeaderboardGrouping) => void;
  /** With the owner's ref, or `NO_GROUP` for the entities declaring none. */
  onShowOwner: (owner: string) => void;
}) {
  const { details, groupBy, onGroupByChange, onShowOwner } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const rows = campaignGroupRows(details, groupBy);
  const groupName = (row: CampaignGroupRow) =>
    row.group
      ? parseEntityRef(row.group).name
      : t(`leaderboard.noGroup.${groupBy}`);

  const columns: ColumnConfig<CampaignGroupRow>[] = [
    groupColumn({ label: t(`grouping.${groupBy}`), groupBy }),
    {
      id: 'progress',
      label: t('campaigns.columns.progress'),
      cell: row => (
        <Cell>
          <CampaignProgressBar progress={row} label={groupName(row)} />
        </Cell>
      ),
    },
    {
      id: 'open',
      label: t('campaignPage.statuses.open'),
      cell: row => <CellText title={String(row.targeted - row.met)} />,
    },
  ];
  if (groupBy === 'owner') {
    columns.push(
      groupEntitiesColumn({
        label: t('leaderboard.actions'),
        groupBy,
        onShowEntities: onShowOwner,
      }),
    );
  }
  const csvColumns: CsvColumn<CampaignGroupRow>[] = [
    { title: t(`grouping.${groupBy}`), value: row => row.group },
    { title: t('campaigns.columns.targeted'), value: row => row.targeted },
    { title: t('campaigns.columns.met'), value: row => row.met },
  ];

  return (
    <Flex direction="column" gap="3">
      <Flex justify="between" align="end">
        <Select
          label={t('campaignPage.groupBy')}
          options={GROUPINGS.map(grouping => ({
            id: grouping,
            label: t(`grouping.${grouping}`),
          }))}
          value={groupBy}
          onChange={key => onGroupByChange(key as LeaderboardGrouping)}
        />
        <DownloadCsvButton
          filename={`${details.campaign.id}-by-${groupBy}.csv`}
          columns={csvColumns}
          rows={rows}
          label={t('campaignPage.downloadGroups')}
        />
      </Flex>
      <Table columnConfig={columns} data={rows} pagination={{ type: 'none' }} />
    </Flex>
  );
}
