import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Cell, CellText, ColumnConfig } from '@backstage/ui';
import type { CampaignEntity } from '@readiness/plugin-readiness-common';
import { readinessTranslationRef } from '../../translation';
import { CsvColumn } from '../../utils/csv';
import type { ScorecardNames } from '../../utils/scorecardNames';
import { EntityReadinessLink } from '../EntityReadinessLink';

/** An entity of a campaign as the table keys it. */
export type CampaignEntityRow = CampaignEntity & { id: string };

/** Whether the entity meets the goal, never did, or did and no longer does. */
const entityStatus = (entity: CampaignEntity) => {
  if (entity.met) {
    return 'met';
  }
  return entity.regressedAt ? 'regressed' : 'open';
};

/**
 * The entity list's columns (each entity linked to its "Readiness" tab,
 * with the checks it still needs), and the same as CSV columns.
 */
export function useCampaignEntityColumns(names: ScorecardNames): {
  columns: ColumnConfig<CampaignEntityRow>[];
  csvColumns: CsvColumn<CampaignEntityRow>[];
} {
  const { t } = useTranslationRef(readinessTranslationRef);
  const level = (entity: CampaignEntity) =>
    entity.level ? names.levelTitle(entity.level) : t('level.none');
  const status = (entity: CampaignEntity) =>
    t(`campaignPage.entityStatus.${entityStatus(entity)}`);
  const openChecks = (entity: CampaignEntity, separator: string) =>
    entity.openChecks.map(names.checkTitle).join(separator);

  const columns: ColumnConfig<CampaignEntityRow>[] = [
    {
      id: 'entity',
      label: t('campaignPage.columns.entity'),
      isRowHeader: true,
      cell: row => (
        <Cell>
          <EntityReadinessLink entityRef={row.entityRef} />
        </Cell>
      ),
    },
    {
      id: 'owner',
      label: t('campaignPage.columns.owner'),
      cell: row => (
        <Cell>
          {row.owner ? (
            <EntityRefLink entityRef={row.owner} />
          ) : (
            t('leaderboard.noGroup.owner')
          )}
        </Cell>
      ),
    },
    {
      id: 'level',
      label: t('campaignPage.columns.level'),
      cell: row => <CellText title={level(row)} />,
    },
    {
      id: 'status',
      label: t('campaignPage.columns.status'),
      cell: row => <CellText title={status(row)} />,
    },
    {
      id: 'openChecks',
      label: t('campaignPage.columns.openChecks'),
      cell: row => <CellText title={openChecks(row, ', ') || '–'} />,
    },
  ];

  const csvColumns: CsvColumn<CampaignEntityRow>[] = [
    { title: t('campaignPage.columns.entity'), value: row => row.entityRef },
    { title: t('campaignPage.columns.owner'), value: row => row.owner },
    { title: t('campaignPage.columns.system'), value: row => row.system },
    { title: t('campaignPage.columns.domain'), value: row => row.domain },
    { title: t('campaignPage.columns.level'), value: level },
    { title: t('campaignPage.columns.status'), value: status },
    {
      title: t('campaignPage.columns.openChecks'),
      value: row => openChecks(row, '; '),
    },
    { title: t('campaignPage.columns.metAt'), value: row => row.metAt },
    {
      title: t('campaignPage.columns.regressedAt'),
      value: row => row.regressedAt,
    },
  ];

  return { columns, csvColumns };
}
