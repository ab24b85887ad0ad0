import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Flex, Text } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api';
import type { OwnerInputKind } from '../../api/ownerInputCalls';
import { useReadinessPageParams } from '../../hooks/useReadinessPageParams';
import { readinessTranslationRef } from '../../translation';
import { AsyncContent } from '../AsyncContent';
import { OwnerInputTable } from '../OwnerInputTable';
import { ExemptionsFilters } from './ExemptionsFilters';
import { exemptionsSelection, ownerInputQuery } from './exemptionsSelection';

/**
 * Exemptions and attestations across the organisation, pending ones first,
 * filtered by status, scorecard, owner and end date, where approvers
 * approve or reject them and owners revoke them. The filters are in the
 * URL, so a view can be shared.
 */
export function ExemptionsPage() {
  const readinessApi = useApi(readinessApiRef);
  const { t } = useTranslationRef(readinessTranslationRef);
  const [params, setParams] = useReadinessPageParams();
  const scorecards = useAsync(
    () => readinessApi.getScorecards(),
    [readinessApi],
  );

  const selection = exemptionsSelection(params);
  const query = ownerInputQuery(selection);
  // Attestations have no end date: with one to filter on, they are left out.
  const kinds: OwnerInputKind[] =
    query.expiringWithinDays === undefined
      ? ['exemption', 'attestation']
      : ['exemption'];

  return (
    <AsyncContent state={scorecards} errorTitle={t('scorecards.errorTitle')}>
      {value => {
        const items = value?.items ?? [];
        const scorecardTitle = (id: string) =>
          items.find(scorecard => scorecard.id === id)?.title ?? id;
        return (
          <Flex direction="column" gap="4">
            <Text as="p">{t('exemptionsPage.description')}</Text>
            <ExemptionsFilters
              scorecards={items}
              selection={selection}
              onChange={setParams}
            />
            {kinds.map(kind => (
              <section
                key={kind}
                aria-label={t(`exemptionsPage.${kind}.title`)}
              >
                <Flex direction="column" gap="2">
                  <Text as="h2" variant="title-small">
                    {t(`exemptionsPage.${kind}.title`)}
                  </Text>
                  <OwnerInputTable
                    kind={kind}
                    query={query}
                    scorecardTitle={scorecardTitle}
                  />
                </Flex>
              </section>
            ))}
          </Flex>
        );
      }}
    </AsyncContent>
  );
}
