import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  Cell,
  CellText,
  ColumnConfig,
  Flex,
  Table,
  Text,
  useTable,
} from '@backstage/ui';
import type {
  TeamEntity,
  TeamReadiness,
} from '@readiness/plugin-readiness-common';
import { readinessTranslationRef } from '../../translation';
import type { ScorecardNames } from '../../utils/scorecardNames';
import { EntityReadinessLink } from '../EntityReadinessLink';

type MemberRow = TeamEntity & { id: string };

const PAGE_SIZE = 10;

/**
 * A team's entities, lowest score first, each linked to its "Readiness"
 * tab, with the owner that declares it (the group or one under it).
 */
export function TeamMembersTable(props: {
  team: TeamReadiness;
  names: ScorecardNames;
}) {
  const { team, names } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const { tableProps } = useTable<MemberRow>({
    mode: 'complete',
    data: team.members.map(member => ({ ...member, id: member.entityRef })),
    paginationOptions: { pageSize: PAGE_SIZE },
  });
  const columns: ColumnConfig<MemberRow>[] = [
    {
      id: 'entity',
      label: t('results.entity'),
      isRowHeader: true,
      cell: row => (
        <Cell>
          <EntityReadinessLink entityRef={row.entityRef} />
        </Cell>
      ),
    },
    {
      id: 'level',
      label: t('results.level'),
      cell: row => (
        <CellText
          title={row.level ? names.levelTitle(row.level) : t('level.none')}
        />
      ),
    },
    {
      id: 'score',
      label: t('results.score'),
      cell: row => <CellText title={String(Math.round(row.score))} />,
    },
    {
      id: 'owner',
      label: t('teamReadiness.owner'),
      cell: row => (
        <Cell>
          <EntityRefLink entityRef={row.owner} />
        </Cell>
      ),
    },
  ];

  return (
    <Flex direction="column" gap="2">
      <Text as="h3" variant="title-x-small">
        {t('teamReadiness.membersTitle')}
      </Text>
      <Table {...tableProps} columnConfig={columns} />
      {team.members.length < team.entities && (
        <Text variant="body-small" color="secondary">
          {t('teamReadiness.membersShown', {
            shown: String(team.members.length),
            total: String(team.entities),
          })}
        </Text>
      )}
    </Flex>
  );
}
