import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Flex, Text, TextColorStatus, TextColors } from '@backstage/ui';
import type { CheckStatus } from '@readiness/plugin-readiness-common';
import { ComponentType } from 'react';
import { readinessTranslationRef } from '../../translation';

const looks: Record<
  CheckStatus,
  { Icon: ComponentType; color: TextColors | TextColorStatus }
> = {
  pass: { Icon: StatusOK, color: 'success' },
  fail: { Icon: StatusError, color: 'danger' },
  // Unknown is not failing: the data to decide was missing.
  unknown: { Icon: StatusWarning, color: 'warning' },
  'not-applicable': { Icon: StatusAborted, color: 'secondary' },
  waived: { Icon: StatusPending, color: 'secondary' },
};

/** A check's status as an icon and a word, never by colour alone. */
export function StatusBadge(props: { status: CheckStatus }) {
  const { status } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const { Icon, color } = looks[status];
  return (
    <Flex gap="1" align="center">
      <Icon />
      <Text weight="bold" color={color}>
        {t(`status.${status}`)}
      </Text>
    </Flex>
  );
}
