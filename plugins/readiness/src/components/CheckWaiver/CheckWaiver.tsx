import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Flex, Text } from '@backstage/ui';
import type { CheckWaiver as CheckWaiverResult } from '@readiness/plugin-readiness-common';
import { readinessTranslationRef } from '../../translation';
import { OwnerInputLink } from '../OwnerInputLink';
import { SafeMarkdown } from '../SafeMarkdown';

/**
 * What waives a check: an exemption (who asked, who approved, why, until
 * when, its ticket) or a waiver in the scorecard file.
 */
export function CheckWaiver(props: { waiver: CheckWaiverResult }) {
  const { waiver } = props;
  const { t } = useTranslationRef(readinessTranslationRef);

  if (waiver.source === 'scorecard') {
    return (
      <Flex direction="column" gap="1">
        <Text as="p" weight="bold">
          {waiver.expires
            ? t('waiver.scorecardUntil', { date: waiver.expires })
            : t('waiver.scorecard')}
        </Text>
        <SafeMarkdown content={waiver.reason} />
      </Flex>
    );
  }
  return (
    <Flex direction="column" gap="1">
      <Text as="p" weight="bold">
        {t('waiver.exemption', { date: waiver.expiresAt })}
      </Text>
      <Text as="p">
        {t('waiver.people', {
          requester: (
            <EntityRefLink entityRef={waiver.requestedBy} defaultKind="user" />
          ),
          approver: (
            <EntityRefLink entityRef={waiver.approvedBy} defaultKind="user" />
          ),
        })}
      </Text>
      <SafeMarkdown content={waiver.reason} />
      <OwnerInputLink href={waiver.link} />
    </Flex>
  );
}
