import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Card, CardBody, Flex, Text } from '@backstage/ui';
import type {
  CheckResult,
  ScorecardResult,
} from '@readiness/plugin-readiness-common';
import type { ReactNode } from 'react';
import { readinessTranslationRef } from '../../translation';
import { CategoryChecks } from '../CategoryChecks';
import { NextLevelGaps } from '../NextLevelGaps';
import { ResultFreshness } from '../ResultFreshness';
import { ScoreHistory, ScoreHistoryState } from '../ScoreHistory';
import { ScorecardScore } from '../ScorecardScore';
import { checksByCategory } from './checksByCategory';

/**
 * One scorecard evaluated for the entity, in full: score and level, what
 * the next level needs, `actions` on the scorecard, every category and
 * check (with what `checkActions` offers on each), and the history.
 */
export function EntityScorecard(props: {
  result: ScorecardResult;
  history: ScoreHistoryState;
  checkActions?: (check: CheckResult) => ReactNode;
  /** Actions on the whole scorecard, such as its badge. */
  actions?: ReactNode;
}) {
  const { result, history, checkActions, actions } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const { counts } = result;

  return (
    <Card>
      <CardBody>
        <Flex direction="column" gap="5">
          <Flex direction="column" gap="2">
            <ScorecardScore result={result} headingLevel="h2" />
            <Text as="p" color="secondary">
              {result.scorecard.description}
            </Text>
            <Text as="p">
              {t('scorecard.counts', {
                pass: String(counts.pass),
                fail: String(counts.fail),
                unknown: String(counts.unknown),
                notApplicable: String(counts['not-applicable']),
                waived: String(counts.waived),
              })}
              {result.advisoryFailing
                ? `; ${t('scorecard.advisoryTitle', {
                    count: result.advisoryFailing,
                  })}`
                : ''}
            </Text>
            <NextLevelGaps result={result} />
            <ResultFreshness result={result} />
            {actions && <Flex gap="2">{actions}</Flex>}
          </Flex>
          {checksByCategory(result).map(({ category, checks }) => (
            <CategoryChecks
              key={category.id}
              category={category}
              checks={checks}
              levels={result.scorecard.levels}
              checkActions={checkActions}
            />
          ))}
          <ScoreHistory result={result} history={history} />
        </Flex>
      </CardBody>
    </Card>
  );
}
