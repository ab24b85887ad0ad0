import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Flex, Text } from '@backstage/ui';
import type {
  ReadinessChange,
  ScorecardResult,
} from '@readiness/plugin-readiness-common';
import { readinessTranslationRef } from '../../translation';
import { AsyncContent } from '../AsyncContent';
import { ChangesTable } from './ChangesTable';
import { historyPoints } from './historyPoints';
import { ScoreHistoryChart } from './ScoreHistoryChart';

/** The history of an entity on one scorecard, as the content loads it. */
export interface ScoreHistoryState {
  loading: boolean;
  error?: Error;
  /** The entity's changes on every scorecard, newest first. */
  changes?: ReadinessChange[];
}

/**
 * How an entity's score and level on a scorecard moved over time: a chart,
 * and the changes with what caused them.
 */
export function ScoreHistory(props: {
  result: ScorecardResult;
  history: ScoreHistoryState;
}) {
  const { result, history } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const changes = history.changes?.filter(
    change => change.scorecard === result.scorecard.id,
  );

  return (
    <section
      aria-label={t('history.sectionLabel', {
        scorecard: result.scorecard.title,
      })}
    >
      <Flex direction="column" gap="3">
        <Text as="h3" variant="title-x-small">
          {t('history.title')}
        </Text>
        <AsyncContent
          state={{ ...history, value: changes }}
          errorTitle={t('history.errorTitle')}
        >
          {scorecardChanges =>
            scorecardChanges?.length ? (
              <>
                <ScoreHistoryChart
                  result={result}
                  points={historyPoints(result, scorecardChanges)}
                />
                <ChangesTable result={result} changes={scorecardChanges} />
              </>
            ) : (
              <Text as="p">{t('history.empty')}</Text>
            )
          }
        </AsyncContent>
      </Flex>
    </section>
  );
}
