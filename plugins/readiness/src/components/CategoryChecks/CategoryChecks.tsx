import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Flex, Text } from '@backstage/ui';
import type {
  CategoryScore,
  CheckResult,
  LevelDefinition,
} from '@readiness/plugin-readiness-common';
import type { ReactNode } from 'react';
import { readinessTranslationRef } from '../../translation';
import { CheckDetails } from '../CheckDetails';
import { ScoreMeter } from '../ScoreMeter';

/**
 * One category of a scorecard: its score and every one of its checks, each
 * with what `checkActions` offers on it.
 */
export function CategoryChecks(props: {
  category: CategoryScore;
  checks: CheckResult[];
  levels: LevelDefinition[];
  checkActions?: (check: CheckResult) => ReactNode;
}) {
  const { category, checks, levels, checkActions } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const scoreText =
    category.score === null
      ? t('category.notScored')
      : t('scorecard.score', { score: String(Math.round(category.score)) });

  return (
    <section aria-label={category.title}>
      <Flex direction="column" gap="2">
        <Flex justify="between" align="baseline">
          <Text as="h3" variant="title-x-small">
            {category.title}
          </Text>
          <Text weight="bold">{scoreText}</Text>
        </Flex>
        {category.score !== null && (
          <ScoreMeter
            score={category.score}
            label={t('scorecard.scoreLabel', { scorecard: category.title })}
            valueText={scoreText}
          />
        )}
        <div>
          {checks.map(check => (
            <CheckDetails
              key={check.id}
              check={check}
              levels={levels}
              actions={checkActions?.(check)}
            />
          ))}
        </div>
      </Flex>
    </section>
  );
}
