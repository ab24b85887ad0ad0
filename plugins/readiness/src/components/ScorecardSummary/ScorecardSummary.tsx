import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Flex } from '@backstage/ui';
import type { ScorecardResult } from '@readiness/plugin-readiness-common';
import { readinessTranslationRef } from '../../translation';
import { CheckList } from '../CheckList';
import { NextLevelGaps } from '../NextLevelGaps';
import { ResultFreshness } from '../ResultFreshness';
import { ScorecardScore } from '../ScorecardScore';
import { advisoryWarnings, prioritizeChecks } from './prioritizeChecks';

/**
 * One evaluated scorecard on the card: score, level, what is next and what
 * to fix, and the advisory warnings apart.
 */
export function ScorecardSummary(props: { result: ScorecardResult }) {
  const { result } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const advisory = advisoryWarnings(result);

  return (
    <Flex direction="column" gap="3">
      <ScorecardScore result={result} headingLevel="h3" />
      <NextLevelGaps result={result} />
      <CheckList
        title={t('scorecard.failingTitle')}
        checks={prioritizeChecks(result, 'fail')}
      />
      <CheckList
        title={t('scorecard.unknownTitle')}
        checks={prioritizeChecks(result, 'unknown')}
      />
      <CheckList
        title={t('scorecard.advisoryTitle', {
          count: result.advisoryFailing ?? advisory.length,
        })}
        checks={advisory}
      />
      <ResultFreshness result={result} />
    </Flex>
  );
}
