import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Box, Flex, Text } from '@backstage/ui';
import type { OwnerInputItem, OwnerInputKind } from '../../api/ownerInputCalls';
import { readinessTranslationRef } from '../../translation';
import {
  OwnerInputDialogAction,
  useOwnerInputSubject,
} from '../OwnerInputDecisionDialog';
import { OwnerInputLink } from '../OwnerInputLink';
import { OwnerInputOutcome } from '../OwnerInputTable/OwnerInputOutcome';
import { ownerInputFields } from '../OwnerInputTable/ownerInputFields';
import { OwnerInputActions } from '../OwnerInputTable/OwnerInputActions';
import { RelativeTime } from '../RelativeTime';
import { SafeMarkdown } from '../SafeMarkdown';

/**
 * One exemption or attestation of the entity: what it covers, until when,
 * why (Markdown), its link, who asked and when, what became of it, and the
 * buttons for what the caller may do with it.
 */
export function OwnerInputEntry(props: {
  kind: OwnerInputKind;
  record: OwnerInputItem;
  scorecardTitle: string;
  onAction: (action: OwnerInputDialogAction) => void;
}) {
  const { kind, record, scorecardTitle, onAction } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const subject = useOwnerInputSubject()(kind, record, scorecardTitle);
  const { text, endsOn } = ownerInputFields(record);

  return (
    <Box as="li" py="3" style={{ borderTop: '1px solid var(--bui-border-1)' }}>
      <Flex direction="column" gap="2">
        <Flex justify="between" align="center" style={{ flexWrap: 'wrap' }}>
          <Text weight="bold">{subject}</Text>
          {endsOn && (
            <Text variant="body-small">
              {t('ownerInput.until', { date: endsOn })}
            </Text>
          )}
        </Flex>
        <SafeMarkdown content={text} />
        <OwnerInputLink href={record.link} />
        <Text as="p" variant="body-small" color="secondary">
          {t('ownerInput.requested', {
            user: (
              <EntityRefLink
                entityRef={record.requestedBy}
                defaultKind="user"
              />
            ),
            time: <RelativeTime time={record.requestedAt} />,
          })}
        </Text>
        {record.status !== 'pending' && <OwnerInputOutcome record={record} />}
        {record.actions.length > 0 && (
          <OwnerInputActions
            record={record}
            emphasis="strong"
            label={action => t('ownerInput.actionLabel', { action, subject })}
            onAction={onAction}
          />
        )}
      </Flex>
    </Box>
  );
}
