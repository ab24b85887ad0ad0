import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Flex, Text } from '@backstage/ui';
import type { ScorecardResult } from '@readiness/plugin-readiness-common';
import { readinessTranslationRef } from '../../translation';
import { CheckList } from '../CheckList';
import { ScoreMeter } from '../ScoreMeter';
import { formatRelativeTime } from './formatRelativeTime';
import { nextLevelGaps, prioritizeChecks } from './prioritizeChecks';

/** How many of the next level's missing checks the card names. */
const MAX_GAPS_LISTED = 5;

/** One evaluated scorecard: score, level, what is next and what to fix. */
export function ScorecardSummary(props: { result: ScorecardResult }) {
  const { result } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const levelTitle = (id: string) =>
    result.scorecard.levels.find(level => level.id === id)?.title ?? id;
  const gaps = nextLevelGaps(result);
  const scoreText = t('scorecard.score', {
    score: String(Math.round(result.score)),
  });

  return (
    <Flex direction="column" gap="3">
      <Flex justify="between" align="baseline">
        <Text as="h3" variant="title-x-small">
          {result.scorecard.title}
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
          ? t('scorecard.level', { level: levelTitle(result.level) })
          : t('scorecard.noLevel')}
      </Text>

      {!result.nextLevel && (
        <Text as="p">{t('scorecard.topLevelReached')}</Text>
      )}
      {result.nextLevel && gaps.length > 0 && (
        <div>
          <Text as="p">
            {t('scorecard.nextLevel', {
              level: levelTitle(result.nextLevel),
              count: gaps.length,
            })}
          </Text>
          <ul>
            {gaps.slice(0, MAX_GAPS_LISTED).map(check => (
              <li key={check.id}>
                <Text>{check.title}</Text>
              </li>
            ))}
          </ul>
          {gaps.length > MAX_GAPS_LISTED && (
            <Text as="p" variant="body-small" color="secondary">
              {t('checkList.more', { count: gaps.length - MAX_GAPS_LISTED })}
            </Text>
          )}
        </div>
      )}

      <CheckList
        title={t('scorecard.failingTitle')}
        checks={prioritizeChecks(result, 'fail')}
      />
      <CheckList
        title={t('scorecard.unknownTitle')}
        checks={prioritizeChecks(result, 'unknown')}
      />

      <Text as="p" variant="body-small" color="secondary">
        {t('scorecard.evaluated', {
          time: (
            <time dateTime={result.evaluatedAt}>
              {formatRelativeTime(result.evaluatedAt)}
            </time>
          ),
        })}
      </Text>
    </Flex>
  );
}
