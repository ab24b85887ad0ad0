import { stringifyEntityRef } from '@backstage/catalog-model';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Flex, Text } from '@backstage/ui';
import type { EntityReadiness } from '@readiness/plugin-readiness-common';
import { useCallback, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api';
import { readinessTranslationRef } from '../../translation';
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

  let body;
  if (stored.loading) {
    body = <Progress />;
  } else if (stored.error) {
    body = (
      <ResponseErrorPanel
        error={stored.error}
        title={t('entityReadiness.errorTitle', { entityRef })}
      />
    );
  } else if (!readiness?.scorecards.length) {
    body = <Text as="p">{t('entityReadiness.empty')}</Text>;
  } else {
    body = readiness.scorecards.map(result => (
      <EntityScorecard
        key={result.scorecard.id}
        result={result}
        history={{
          loading: history.loading,
          error: history.error,
          changes: history.value?.changes,
        }}
      />
    ));
  }

  return (
    <Flex direction="column" gap="4">
      <Flex justify="end">
        <RefreshReadinessButton
          entityRef={entityRef}
          onRefreshed={onRefreshed}
        />
      </Flex>
      {body}
    </Flex>
  );
}
