import { parseEntityRef } from '@backstage/catalog-model';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Cell, CellText, ColumnConfig, Flex, Text } from '@backstage/ui';
import type { OwnerInputItem, OwnerInputKind } from '../../api/ownerInputCalls';
import { readinessTranslationRef } from '../../translation';
import { RelativeTime } from '../RelativeTime';
import { OwnerInputLink } from '../OwnerInputLink';
import { SafeMarkdown } from '../SafeMarkdown';
import {
  OwnerInputDialogAction,
  useOwnerInputSubject,
} from '../OwnerInputDecisionDialog';
import { ownerInputFields } from './ownerInputFields';
import { OwnerInputActions } from './OwnerInputActions';
import { OwnerInputOutcome } from './OwnerInputOutcome';

/** A cell whose text wraps and breaks inside long ids. */
function WrappedText(props: { text: string }) {
  return (
    <Cell>
      <Text variant="body-small" style={{ overflowWrap: 'anywhere' }}>
        {props.text}
      </Text>
    </Cell>
  );
}

/**
 * The columns of a list of exemptions or attestations: the entity (linked),
 * scorecard, what it covers, why (markdown, with its link), who asked and
 * when, status, end date (exemptions), what became of it, and the actions
 * the caller may take on it.
 */
export function useOwnerInputColumns(options: {
  kind: OwnerInputKind;
  scorecardTitle: (id: string) => string;
  onAction: (item: OwnerInputItem, action: OwnerInputDialogAction) => void;
}): ColumnConfig<OwnerInputItem>[] {
  const { kind, scorecardTitle, onAction } = options;
  const { t } = useTranslationRef(readinessTranslationRef);
  const subject = useOwnerInputSubject();

  const columns: ColumnConfig<OwnerInputItem>[] = [
    {
      id: 'entity',
      label: t('exemptionsPage.columns.entity'),
      isRowHeader: true,
      minWidth: 140,
      cell: item => (
        <Cell>
          <EntityRefLink entityRef={item.entityRef} />
        </Cell>
      ),
    },
    {
      id: 'scorecard',
      label: t('exemptionsPage.columns.scorecard'),
      // Wrapped, not cut: titles and check ids are long and all matter.
      cell: item => <WrappedText text={scorecardTitle(item.scorecard)} />,
    },
    {
      id: 'subject',
      label: t(`exemptionsPage.${kind}.subject`),
      cell: item => (
        <WrappedText text={ownerInputFields(item).subject.join(', ')} />
      ),
    },
    {
      id: 'text',
      label: t(`exemptionsPage.${kind}.text`),
      // The widest column: the rest share what is left.
      defaultWidth: '2fr',
      cell: item => (
        <Cell>
          <SafeMarkdown content={ownerInputFields(item).text} />
          <OwnerInputLink href={item.link} />
        </Cell>
      ),
    },
    {
      id: 'requested',
      label: t(`exemptionsPage.${kind}.requested`),
      cell: item => (
        <Cell>
          <Flex direction="column" gap="1">
            <EntityRefLink entityRef={item.requestedBy} defaultKind="user" />
            <Text variant="body-small">
              <RelativeTime time={item.requestedAt} />
            </Text>
          </Flex>
        </Cell>
      ),
    },
    {
      id: 'status',
      label: t('exemptionsPage.columns.status'),
      cell: item => <CellText title={t(`ownerInput.status.${item.status}`)} />,
    },
  ];
  if (kind === 'exemption') {
    columns.push({
      id: 'ends',
      label: t('exemptionsPage.columns.ends'),
      // A whole day, YYYY-MM-DD.
      minWidth: 110,
      cell: item => <CellText title={ownerInputFields(item).endsOn ?? ''} />,
    });
  }
  columns.push(
    {
      id: 'outcome',
      label: t('exemptionsPage.columns.outcome'),
      cell: item => (
        <Cell>
          <OwnerInputOutcome record={item} />
        </Cell>
      ),
    },
    {
      id: 'actions',
      label: t('exemptionsPage.columns.actions'),
      // Room for approve, reject and revoke side by side.
      minWidth: 250,
      cell: item => (
        <Cell>
          <OwnerInputActions
            record={item}
            emphasis="quiet"
            // Says which row it acts on, for screen readers.
            label={action =>
              t('exemptionsPage.actionLabel', {
                action,
                subject: subject(kind, item, scorecardTitle(item.scorecard)),
                entity: parseEntityRef(item.entityRef).name,
              })
            }
            onAction={action => onAction(item, action)}
          />
        </Cell>
      ),
    },
  );
  return columns;
}
