import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Flex, Text } from '@backstage/ui';
import type {
  CheckAdvisory,
  CheckStatus,
} from '@readiness/plugin-readiness-common';
import { ComponentType } from 'react';
import { readinessTranslationRef } from '../../translation';

const icons: Record<CheckStatus, ComponentType> = {
  pass: StatusOK,
  fail: StatusError,
  // Unknown is not failing: the data to decide was missing.
  unknown: StatusWarning,
  'not-applicable': StatusAborted,
  waived: StatusPending,
};

/**
 * A check's status as a coloured icon and a word, never by colour alone. The
 * word keeps the text colour: the theme's status colours are too light for
 * text on every background (WCAG AA 4.5:1). An advisory check that does not
 * pass is a warning, not a failure: "Advisory — enforced from 2027-04-01".
 */
export function StatusBadge(props: {
  status: CheckStatus;
  advisory?: CheckAdvisory;
}) {
  const { status, advisory } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  if (advisory && (status === 'fail' || status === 'unknown')) {
    return (
      <Flex gap="1" align="center">
        <StatusWarning />
        <Text weight="bold">
          {advisory.enforcedFrom
            ? t('advisory.until', { date: advisory.enforcedFrom })
            : t('advisory.label')}
        </Text>
      </Flex>
    );
  }
  const Icon = icons[status];
  return (
    <Flex gap="1" align="center">
      <Icon />
      <Text weight="bold">{t(`status.${status}`)}</Text>
    </Flex>
  );
}
