import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Cell, CellText, ColumnConfig, Flex, Text } from '@backstage/ui';
import type {
  CampaignSummary,
  ScorecardOverview,
} from '@readiness/plugin-readiness-common';
import { useCampaignGoalText } from '../../hooks/useCampaignGoalText';
import { useCampaignLink } from '../../hooks/useCampaignLink';
import { useCampaignTimeText } from '../../hooks/useCampaignTimeText';
import { readinessTranslationRef } from '../../translation';
import { CsvColumn } from '../../utils/csv';
import { CampaignProgressBar } from '../CampaignProgressBar';

/**
 * The campaigns table's columns and the same data as CSV columns (with the
 * raw figures and dates, for a spreadsheet to compute on).
 */
export function useCampaignColumns(scorecards: ScorecardOverview[]): {
  columns: ColumnConfig<CampaignSummary>[];
  csvColumns: CsvColumn<CampaignSummary>[];
} {
  const { t } = useTranslationRef(readinessTranslationRef);
  const campaignLink = useCampaignLink();
  const goalText = useCampaignGoalText();
  const timeText = useCampaignTimeText();
  const scorecardOf = (id: string) =>
    scorecards.find(scorecard => scorecard.id === id);
  const scorecardTitle = (id: string) => scorecardOf(id)?.title ?? id;
  const goal = (campaign: CampaignSummary) =>
    goalText(campaign.goal, {
      levels: scorecardOf(campaign.scorecard)?.levels,
    });

  const columns: ColumnConfig<CampaignSummary>[] = [
    {
      id: 'title',
      label: t('campaigns.columns.campaign'),
      isRowHeader: true,
      cell: campaign => (
        <CellText title={campaign.title} href={campaignLink(campaign.id)} />
      ),
    },
    {
      id: 'scorecard',
      label: t('campaigns.columns.scorecard'),
      cell: campaign => <CellText title={scorecardTitle(campaign.scorecard)} />,
    },
    {
      id: 'goal',
      label: t('campaigns.columns.goal'),
      cell: campaign => <CellText title={goal(campaign)} />,
    },
    {
      id: 'owner',
      label: t('campaigns.columns.owner'),
      cell: campaign => (
        <Cell>
          {campaign.owner ? <EntityRefLink entityRef={campaign.owner} /> : '–'}
        </Cell>
      ),
    },
    {
      id: 'progress',
      label: t('campaigns.columns.progress'),
      cell: campaign => (
        <Cell>
          <CampaignProgressBar progress={campaign} label={campaign.title} />
        </Cell>
      ),
    },
    {
      id: 'time',
      label: t('campaigns.columns.time'),
      cell: campaign => (
        <Cell>
          <Flex direction="column" gap="0.5">
            <Text variant="body-small" weight="bold">
              {t(`campaignPhase.${campaign.phase}`)}
            </Text>
            <Text variant="body-small">{timeText(campaign)}</Text>
          </Flex>
        </Cell>
      ),
    },
    {
      id: 'regressed',
      label: t('campaigns.columns.regressed'),
      cell: campaign => <CellText title={String(campaign.regressed)} />,
    },
  ];

  const csvColumns: CsvColumn<CampaignSummary>[] = [
    { title: 'id', value: campaign => campaign.id },
    { title: t('campaigns.columns.campaign'), value: c => c.title },
    {
      title: t('campaigns.columns.scorecard'),
      value: c => scorecardTitle(c.scorecard),
    },
    { title: t('campaigns.columns.goal'), value: goal },
    { title: t('campaigns.columns.owner'), value: c => c.owner },
    { title: t('campaigns.columns.startsAt'), value: c => c.startsAt },
    { title: t('campaigns.columns.dueAt'), value: c => c.dueAt },
    {
      title: t('campaigns.columns.phase'),
      value: c => t(`campaignPhase.${c.phase}`),
    },
    { title: t('campaigns.columns.daysLeft'), value: c => c.daysLeft },
    { title: t('campaigns.columns.targeted'), value: c => c.targeted },
    { title: t('campaigns.columns.met'), value: c => c.met },
    { title: t('campaigns.columns.regressed'), value: c => c.regressed },
  ];

  return { columns, csvColumns };
}
