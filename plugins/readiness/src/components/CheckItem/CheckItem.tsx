import {
  MarkdownContent,
  StatusError,
  StatusWarning,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Box, Flex, Link, Text } from '@backstage/ui';
import type { CheckResult } from '@readiness/plugin-readiness-common';
import { readinessTranslationRef } from '../../translation';

/**
 * One failing or unknown check as a list item. Unknown checks get their own
 * icon, label and colour so they are never mistaken for failures: the data to
 * decide was missing, and the reason says which.
 */
export function CheckItem(props: { check: CheckResult }) {
  const { check } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const unknown = check.status === 'unknown';

  return (
    <Box as="li" mb="3">
      <Flex gap="2" align="center">
        {unknown ? <StatusWarning /> : <StatusError />}
        <Text weight="bold" color={unknown ? 'warning' : 'danger'}>
          {unknown ? t('check.unknown') : t('check.failing')}
        </Text>
        <Text>{check.title}</Text>
      </Flex>
      {unknown ? (
        <Text as="p" variant="body-small" color="secondary">
          {check.reason}
        </Text>
      ) : (
        <>
          <MarkdownContent content={check.remediation.text} />
          {check.remediation.docsUrl && (
            <Link
              href={check.remediation.docsUrl}
              target="_blank"
              rel="noopener noreferrer"
              variant="body-small"
            >
              {t('check.docsLink', { check: check.title })}
            </Link>
          )}
        </>
      )}
    </Box>
  );
}
