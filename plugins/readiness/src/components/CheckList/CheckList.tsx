import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Box, Text } from '@backstage/ui';
import type { CheckResult } from '@readiness/plugin-readiness-common';
import { readinessTranslationRef } from '../../translation';
import { CheckItem } from '../CheckItem';

/** Keeps the card short: the rest is summarised as a count. */
const MAX_LISTED = 3;

/** A titled list of the first few checks, in the order given. */
export function CheckList(props: { title: string; checks: CheckResult[] }) {
  const { title, checks } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  if (checks.length === 0) {
    return null;
  }
  const hidden = checks.length - MAX_LISTED;

  return (
    <div>
      <Text as="h4" variant="body-medium" weight="bold">
        {title}
      </Text>
      <Box
        as="ul"
        aria-label={title}
        mt="2"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {checks.slice(0, MAX_LISTED).map(check => (
          <CheckItem key={check.id} check={check} />
        ))}
      </Box>
      {hidden > 0 && (
        <Text as="p" variant="body-small" color="secondary">
          {t('checkList.more', { count: hidden })}
        </Text>
      )}
    </div>
  );
}
