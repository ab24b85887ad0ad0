import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Card, CardBody, Flex, Text } from '@backstage/ui';
import type { OwnerInputItem } from '../../api/ownerInputCalls';
import { readinessTranslationRef } from '../../translation';
import { OwnerInputList } from './OwnerInputList';

/**
 * The entity's exemptions and attestations, each by status, with the
 * approve, reject and revoke actions the caller may take.
 */
export function EntityOwnerInput(props: {
  entityRef: string;
  /** Changes to load the lists again (after a request, say). */
  version: number;
  scorecardTitle: (id: string) => string;
  /** One was approved, rejected or revoked. */
  onChanged: (record: OwnerInputItem) => void;
}) {
  const { t } = useTranslationRef(readinessTranslationRef);
  return (
    <Card>
      <CardBody>
        <Flex direction="column" gap="5">
          <Text as="h2" variant="title-small">
            {t('ownerInput.title')}
          </Text>
          <OwnerInputList kind="exemption" {...props} />
          <OwnerInputList kind="attestation" {...props} />
        </Flex>
      </CardBody>
    </Card>
  );
}
