import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Text } from '@backstage/ui';
import type { ScorecardResult } from '@readiness/plugin-readiness-common';
import { readinessTranslationRef } from '../../translation';
import { levelTitle } from '../../utils/levels';
import { nextLevelGaps } from './nextLevelGaps';

/** How many of the next level's missing checks are named. */
const MAX_GAPS_LISTED = 5;

/** What the next level needs: the checks of it that do not pass yet. */
export function NextLevelGaps(props: { result: ScorecardResult }) {
  const { result } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  if (!result.nextLevel) {
    return <Text as="p">{t('scorecard.topLevelReached')}</Text>;
  }
  const gaps = nextLevelGaps(result);
  if (gaps.length === 0) {
    return null;
  }

  return (
    <div>
      <Text as="p">
        {t('scorecard.nextLevel', {
          level: levelTitle(result.scorecard.levels, result.nextLevel),
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
  );
}
