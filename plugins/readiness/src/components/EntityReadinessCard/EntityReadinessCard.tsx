import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api';
import { readinessTranslationRef } from '../../translation';
import { AsyncContent } from '../AsyncContent';
import { EntityCampaignItems } from '../EntityCampaignItems';
import { ScorecardSummary } from '../ScorecardSummary';

/**
 * Readiness scorecards of the current entity, for its overview page, below
 * the campaigns it has still to meet.
 */
export function EntityReadinessCard() {
  const { entity } = useEntity();
  const readinessApi = useApi(readinessApiRef);
  const { t } = useTranslationRef(readinessTranslationRef);
  const entityRef = stringifyEntityRef(entity);
  const readiness = useAsync(
    () => readinessApi.getEntityReadiness(entityRef),
    [readinessApi, entityRef],
  );

  return (
    <Card>
      <CardHeader>
        <Text as="h2" variant="title-small">
          {t('entityReadinessCard.title')}
        </Text>
      </CardHeader>
      <CardBody>
        <AsyncContent
          state={readiness}
          errorTitle={t('entityReadiness.errorTitle', { entityRef })}
        >
          {value =>
            value?.scorecards.length ? (
              <Flex direction="column" gap="6">
                <EntityCampaignItems readiness={value} headingLevel="h3" />
                {value.scorecards.map(result => (
                  <ScorecardSummary key={result.scorecard.id} result={result} />
                ))}
              </Flex>
            ) : (
              <Text as="p">{t('entityReadiness.empty')}</Text>
            )
          }
        </AsyncContent>
      </CardBody>
    </Card>
  );
}
