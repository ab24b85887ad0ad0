import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Flex, Link, Text } from '@backstage/ui';
import type { ScorecardResult } from '@readiness/plugin-readiness-common';
import { useReadinessPageLink } from '../../hooks/useReadinessPageLink';
import { readinessTranslationRef } from '../../translation';
import { levelTitle } from '../../utils/levels';
import { ScoreMeter } from '../ScoreMeter';

/**
 * A scorecard's title (linked to its page when the app has one), the score
 * as a number and a bar, and the level reached.
 */
export function ScorecardScore(props: {
  result: ScorecardResult;
  headingLevel: 'h2' | 'h3';
}) {
  const { result, headingLevel } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const scorecardLink = useReadinessPageLink()({
    scorecard: result.scorecard.id,
  });
  const variant = headingLevel === 'h2' ? 'title-small' : 'title-x-small';
  const scoreText = t('scorecard.score', {
    score: String(Math.round(result.score)),
  });

  return (
    <Flex direction="column" gap="2">
      <Flex justify="between" align="baseline">
        <Text as={headingLevel} variant={variant}>
          {scorecardLink ? (
            <Link href={scorecardLink} variant={variant}>
              {result.scorecard.title}
            </Link>
          ) : (
            result.scorecard.title
          )}
        </Text>
        <Text weight="bold">{scoreText}</Text>
      </Flex>
      <ScoreMeter
        score={result.score}
        label={t('scorecard.scoreLabel', { scorecard: result.scorecard.title })}
        valueText={scoreText}
      />
      <Text as="p">
        {result.level
          ? t('scorecard.level', {
              level: levelTitle(result.scorecard.levels, result.level),
            })
          : t('scorecard.noLevel')}
      </Text>
    </Flex>
  );
}
