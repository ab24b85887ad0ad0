import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Flex, Text } from '@backstage/ui';
import type { OwnerInputRecord } from '@readiness/plugin-readiness-common';
import { readinessTranslationRef } from '../../translation';
import { RelativeTime } from '../RelativeTime';
import { SafeMarkdown } from '../SafeMarkdown';

/**
 * What became of a request after it was made: who approved or rejected it,
 * revoked it, or that it expired, when, and their comment (markdown).
 */
export function OwnerInputOutcome(props: { record: OwnerInputRecord }) {
  const { record } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const steps = record.events.filter(event => event.action !== 'requested');
  if (steps.length === 0) {
    // Active with no decision: an attestation the scorecard lets count at once.
    return (
      <Text variant="body-small">
        {record.status === 'active'
          ? t('exemptionsPage.noConfirmationNeeded')
          : t('exemptionsPage.undecided')}
      </Text>
    );
  }
  return (
    <Flex direction="column" gap="1">
      {steps.map(step => (
        <div key={`${step.action}-${step.at}`}>
          <Text variant="body-small">
            {t(`ownerInput.${step.action}`, {
              user: step.actor ? (
                <EntityRefLink entityRef={step.actor} defaultKind="user" />
              ) : (
                t('exemptionsPage.plugin')
              ),
              time: <RelativeTime time={step.at} />,
            })}
          </Text>
          {step.comment && <SafeMarkdown content={step.comment} />}
        </div>
      ))}
    </Flex>
  );
}
