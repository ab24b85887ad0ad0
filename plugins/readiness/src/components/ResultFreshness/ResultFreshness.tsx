import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Text } from '@backstage/ui';
import type { ScorecardResult } from '@readiness/plugin-readiness-common';
import { readinessTranslationRef } from '../../translation';
import { RelativeTime } from '../RelativeTime';

/** The observation time of the oldest fact any check rested on. */
function oldestObservation(result: ScorecardResult): string | undefined {
  let oldest: string | undefined;
  for (const check of result.checks) {
    for (const evidence of check.evidence) {
      if (!oldest || Date.parse(evidence.observedAt) < Date.parse(oldest)) {
        oldest = evidence.observedAt;
      }
    }
  }
  return oldest;
}

/**
 * How fresh a result is: when it was evaluated, and when the oldest fact it
 * rests on was observed (a result evaluated now may rest on old facts).
 */
export function ResultFreshness(props: { result: ScorecardResult }) {
  const { result } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const oldestFact = oldestObservation(result);

  return (
    <Text as="p" variant="body-small" color="secondary">
      {t('freshness.evaluated', {
        time: <RelativeTime time={result.evaluatedAt} />,
      })}
      {oldestFact && (
        <>
          {' · '}
          {t('freshness.oldestFact', {
            time: <RelativeTime time={oldestFact} />,
          })}
        </>
      )}
    </Text>
  );
}
