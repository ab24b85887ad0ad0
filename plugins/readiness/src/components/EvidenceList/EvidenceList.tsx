import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Box, Text } from '@backstage/ui';
import type { Evidence } from '@readiness/plugin-readiness-common';
import { readinessTranslationRef } from '../../translation';
import { formatFactValue } from '../../utils/formatFactValue';
import { RelativeTime } from '../RelativeTime';

/** The facts a check's decision rested on: value, source and age of each. */
export function EvidenceList(props: { evidence: Evidence[] }) {
  const { evidence } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  if (evidence.length === 0) {
    return null;
  }

  return (
    <Box
      as="ul"
      aria-label={t('evidence.title')}
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {evidence.map((item, index) => {
        const name = item.key ? `${item.fact}[${item.key}]` : item.fact;
        const value = formatFactValue(item.value);
        return (
          <Box as="li" key={`${name}-${index}`} mb="1">
            <Text variant="body-small" weight="bold">
              {name}
            </Text>{' '}
            <Text variant="body-small">
              {value === undefined ? t('evidence.absent') : `= ${value}`}
            </Text>{' '}
            <Text variant="body-small" color="secondary">
              {t('evidence.observed', {
                source: item.source,
                time: <RelativeTime time={item.observedAt} />,
              })}
            </Text>
          </Box>
        );
      })}
    </Box>
  );
}
