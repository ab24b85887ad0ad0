import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Text } from '@backstage/ui';
import type { LevelDefinition } from '@readiness/plugin-readiness-common';
import { readinessTranslationRef } from '../../translation';
import { levelCounts } from '../../utils/levels';

/** Entities per level in one line: "No level 4 · Bronze 3 · Silver 2 · Gold 1". */
export function LevelDistribution(props: {
  levels: LevelDefinition[];
  counts: Record<string, number>;
}) {
  const { levels, counts } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const text = levelCounts(levels, counts, t('level.none'))
    .map(level => t('level.count', { level: level.title, count: level.count }))
    .join(' · ');
  return <Text variant="body-small">{text}</Text>;
}
