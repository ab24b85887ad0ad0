import { parseEntityRef } from '@backstage/catalog-model';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Button, Cell, ColumnConfig, TableItem } from '@backstage/ui';
import {
  NO_GROUP,
  type LeaderboardGrouping,
} from '@readiness/plugin-readiness-common';
import { readinessTranslationRef } from '../../translation';

/** A row of a table of owners, systems or domains. */
export type GroupRow = TableItem & {
  /** The group's entity ref; `null` for the entities declaring none. */
  group: string | null;
};

/**
 * The column naming each row's group: a link to its catalog page, or "No
 * owner" (system, domain) for the entities declaring none.
 */
export function groupColumn<T extends GroupRow>(options: {
  label: string;
  groupBy: LeaderboardGrouping;
  isSortable?: boolean;
}): ColumnConfig<T> {
  const { label, groupBy, isSortable } = options;
  return {
    id: 'group',
    label,
    isRowHeader: true,
    isSortable,
    cell: row => <GroupCell group={row.group} groupBy={groupBy} />,
  };
}

/** The column of the buttons that list each row's entities. */
export function groupEntitiesColumn<T extends GroupRow>(options: {
  label: string;
  groupBy: LeaderboardGrouping;
  /** With the group's ref, or `NO_GROUP` for the entities declaring none. */
  onShowEntities: (group: string) => void;
}): ColumnConfig<T> {
  const { label, groupBy, onShowEntities } = options;
  return {
    id: 'actions',
    label,
    cell: row => (
      <GroupEntitiesCell
        group={row.group}
        groupBy={groupBy}
        onShowEntities={onShowEntities}
      />
    ),
  };
}

function GroupCell(props: {
  group: string | null;
  groupBy: LeaderboardGrouping;
}) {
  const { group, groupBy } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  return (
    <Cell>
      {group ? (
        <EntityRefLink entityRef={group} />
      ) : (
        t(`leaderboard.noGroup.${groupBy}`)
      )}
    </Cell>
  );
}

/** Every row shows the same text: the accessible name says which group. */
function GroupEntitiesCell(props: {
  group: string | null;
  groupBy: LeaderboardGrouping;
  onShowEntities: (group: string) => void;
}) {
  const { group, groupBy, onShowEntities } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  return (
    <Cell>
      <Button
        size="small"
        variant="secondary"
        aria-label={
          group
            ? t('leaderboard.showEntitiesLabel', {
                group: parseEntityRef(group).name,
              })
            : t(`leaderboard.entitiesWithout.${groupBy}`)
        }
        onPress={() => onShowEntities(group ?? NO_GROUP)}
      >
        {t('leaderboard.showEntities')}
      </Button>
    </Cell>
  );
}
