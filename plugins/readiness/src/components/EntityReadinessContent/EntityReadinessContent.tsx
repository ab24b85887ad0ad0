import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Flex, Text } from '@backstage/ui';
import type {
  CheckResult,
  EntityReadiness,
  ScorecardResult,
} from '@readiness/plugin-readiness-common';
import { useCallback, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { readinessApiRef } from '../../api';
import type { OwnerInputItem } from '../../api/ownerInputCalls';
import { readinessTranslationRef } from '../../translation';
import { AsyncContent } from '../AsyncContent';
import { CheckOwnerActions } from '../CheckOwnerActions';
import { EntityCampaignItems } from '../EntityCampaignItems';
import { EntityOwnerInput } from '../EntityOwnerInput';
import { EntityScorecard } from '../EntityScorecard';
import { ErrorAlert } from '../ErrorAlert';
import { ReadinessBadgeButton } from '../ReadinessBadgeButton';
import { RefreshReadinessButton } from '../RefreshReadinessButton';
import { useScorecardDefinitions } from './useScorecardDefinitions';

/**
 * The entity's "Readiness" tab: the campaigns it has still to meet, first;
 * every scorecard that applies, with every
 * category and check in full (and the owners' actions on them), its badge, the
 * history, a refresh action for those allowed to, and the entity's
 * exemptions and attestations.
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

  const definitions = useScorecardDefinitions(
    readiness?.scorecards.map(result => result.scorecard.id) ?? [],
  );
  const scorecardTitle = (id: string) =>
    readiness?.scorecards.find(result => result.scorecard.id === id)?.scorecard
      .title ?? id;
  // Requests and decisions load the lists again; the backend re-evaluates
  // the entity at once when one takes effect, so its results load again too.
  const [ownerInputVersion, setOwnerInputVersion] = useState(0);
  const [reloaded, reloadReadiness] = useAsyncFn(
    async () => onRefreshed(await readinessApi.getEntityReadiness(entityRef)),
    [readinessApi, entityRef, onRefreshed],
  );
  const onOwnerInputChanged = useCallback(
    (record: OwnerInputItem) => {
      setOwnerInputVersion(version => version + 1);
      if (record.status !== 'pending') {
        reloadReadiness();
      }
    },
    [reloadReadiness],
  );
  const checkActions = (result: ScorecardResult) => {
    const definition = definitions.get(result.scorecard.id);
    return definition
      ? (check: CheckResult) => (
          <CheckOwnerActions
            entityRef={entityRef}
            result={result}
            definition={definition}
            check={check}
            onSubmitted={onOwnerInputChanged}
          />
        )
      : undefined;
  };

  return (
    <Flex direction="column" gap="4">
      <Flex justify="end">
        <RefreshReadinessButton
          entityRef={entityRef}
          onRefreshed={onRefreshed}
        />
      </Flex>
      {reloaded.error && (
        <ErrorAlert
          title={t('ownerInput.reloadErrorTitle')}
          error={reloaded.error}
        />
      )}
      <AsyncContent
        state={{ ...stored, value: readiness }}
        errorTitle={t('entityReadiness.errorTitle', { entityRef })}
      >
        {value =>
          value?.scorecards.length ? (
            <>
              <EntityCampaignItems readiness={value} headingLevel="h2" />
              {value.scorecards.map(result => (
                <EntityScorecard
                  key={result.scorecard.id}
                  result={result}
                  history={{
                    loading: history.loading,
                    error: history.error,
                    changes: history.value?.changes,
                  }}
                  checkActions={checkActions(result)}
                  actions={
                    <ReadinessBadgeButton
                      entityRef={entityRef}
                      result={result}
                    />
                  }
                />
              ))}
            </>
          ) : (
            <Text as="p">{t('entityReadiness.empty')}</Text>
          )
        }
      </AsyncContent>
      <EntityOwnerInput
        entityRef={entityRef}
        version={ownerInputVersion}
        scorecardTitle={scorecardTitle}
        onChanged={onOwnerInputChanged}
      />
    </Flex>
  );
}
