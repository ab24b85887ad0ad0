import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Flex, Text } from '@backstage/ui';
import type { EntityReadiness } from '@readiness/plugin-readiness-common';
import { useCallback, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api';
import { readinessTranslationRef } from '../../translation';
import { AsyncContent } from '../AsyncContent';
import { EntityScorecard } from '../EntityScorecard';
import { RefreshReadinessButton } from '../RefreshReadinessButton';

/**
 * The entity's "Readiness" tab: every scorecard that applies, with every
 * category and check in full, the history, and a refresh action for those
 * allowed to.
 */
export function EntityReadinessContent() {
  const { entity } = useEntity();
  const readinessApi = useApi(readinessApiRef);
  const { t } = useTranslationRef(readinessTranslationRef);
  const entityRef = stringifyEntityRef(entity);

  const stored = useAsync(
    () => readinessApi.getEntityReadiness(entityRef),
    [readinessApi, entityRef],
  );
  // A refresh answers with the new results, and adds to the history.
  const [refreshed, setRefreshed] = useState<{
    entityRef: string;
    readiness: EntityReadiness;
  }>();
  const history = useAsync(
    () => readinessApi.getEntityHistory(entityRef),
    [readinessApi, entityRef, refreshed],
  );
  const onRefreshed = useCallback(
    (readiness: EntityReadiness) => setRefreshed({ entityRef, readiness }),
    [entityRef],
  );
  const readiness =
    refreshed?.entityRef === entityRef ? refreshed.readiness : stored.value;

  return (
    <Flex direction="column" gap="4">
      <Flex justify="end">
        <RefreshReadinessButton
          entityRef={entityRef}
          onRefreshed={onRefreshed}
        />
      </Flex>
      <AsyncContent
        state={{ ...stored, value: readiness }}
        errorTitle={t('entityReadiness.errorTitle', { entityRef })}
      >
        {value =>
          value?.scorecards.length ? (
            value.scorecards.map(result => (
              <EntityScorecard
                key={result.scorecard.id}
                result={result}
                history={{
                  loading: history.loading,
                  error: history.error,
                  changes: history.value?.changes,
                }}
              />
            ))
          ) : (
            <Text as="p">{t('entityReadiness.empty')}</Text>
          )
        }
      </AsyncContent>
    </Flex>
  );
}
