import { Box, Flex, Text } from '@backstage/ui';
import type { CheckResult } from '@readiness/plugin-readiness-common';
import { Remediation } from '../Remediation';
import { StatusBadge } from '../StatusBadge';

/**
 * One failing or unknown check as a list item. Unknown checks get their own
 * icon, label and colour so they are never mistaken for failures: the data to
 * decide was missing, and the reason says which. Advisory checks show as
 * warnings, with the day they are enforced from.
 */
export function CheckItem(props: { check: CheckResult }) {
  const { check } = props;

  return (
    <Box as="li" mb="3">
      <Flex gap="2" align="center">
        <StatusBadge status={check.status} advisory={check.advisory} />
        <Text>{check.title}</Text>
      </Flex>
      {check.status === 'unknown' ? (
        <Text as="p" variant="body-small" color="secondary">
          {check.reason}
        </Text>
      ) : (
        <Remediation remediation={check.remediation} checkTitle={check.title} />
      )}
    </Box>
  );
}
