import { stringifyEntityRef } from '@backstage/catalog-model';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api';
import { readinessTranslationRef } from '../../translation';
import { ScorecardSummary } from '../ScorecardSummary';

/** Readiness scorecards of the current entity, for its overview page. */
export function EntityReadinessCard() {
  const { entity } = useEntity();
  const readinessApi = useApi(readinessApiRef);
  const { t } = useTranslationRef(readinessTranslationRef);
  const entityRef = stringifyEntityRef(entity);
  const { value, loading, error } = useAsync(
    () => readinessApi.getEntityReadiness(entityRef),
    [readinessApi, entityRef],
  );

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = (
      <ResponseErrorPanel
        error={error}
        title={t('entityReadiness.errorTitle', { entityRef })}
      />
    );
  } else if (!value?.scorecards.length) {
    body = <Text as="p">{t('entityReadiness.empty')}</Text>;
  } else {
    body = (
      <Flex direction="column" gap="6">
        {value.scorecards.map(result => (
          <ScorecardSummary key={result.scorecard.id} result={result} />
        ))}
      </Flex>
    );
  }

  return (
    <Card>
      <CardHeader>
        <Text as="h2" variant="title-small">
          {t('entityReadinessCard.title')}
        </Text>
      </CardHeader>
      <CardBody>{body}</CardBody>
    </Card>
  );
}
