import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Flex, Text } from '@backstage/ui';
import type {
  ReadinessChange,
  ScorecardResult,
} from '@readiness/plugin-readiness-common';
import { readinessTranslationRef } from '../../translation';
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

  let body;
  if (history.loading) {
    body = <Progress />;
  } else if (history.error) {
    body = (
      <ResponseErrorPanel
        error={history.error}
        title={t('history.errorTitle')}
      />
    );
  } else if (!changes?.length) {
    body = <Text as="p">{t('history.empty')}</Text>;
  } else {
    body = (
      <>
        <ScoreHistoryChart
          result={result}
          points={historyPoints(result, changes)}
        />
        <ChangesTable result={result} changes={changes} />
      </>
    );
  }

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
        {body}
      </Flex>
    </section>
  );
}
