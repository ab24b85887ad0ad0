import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { Button, Flex, Text } from '@backstage/ui';
import { readinessBadgeRevokePermission } from '@readiness/plugin-readiness-common';
import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { readinessApiRef } from '../../api';
import { readinessTranslationRef } from '../../translation';
import { ErrorAlert } from '../ErrorAlert';

/**
 * Revokes a public badge's link, after a confirmation step: wherever the
 * address is used (a README), the badge stops showing. `onRevoked` is
 * called once the backend has revoked it. Shown only to those the
 * permission policy allows to (`readiness.badge.revoke` on the entity).
 */
export function RevokeBadgeLink(props: {
  entityRef: string;
  badgeId: string;
  onRevoked: () => void;
}) {
  const { entityRef, badgeId, onRevoked } = props;
  const readinessApi = useApi(readinessApiRef);
  const { t } = useTranslationRef(readinessTranslationRef);
  const { allowed } = usePermission({
    permission: readinessBadgeRevokePermission,
    resourceRef: entityRef,
  });
  const [confirming, setConfirming] = useState(false);
  const [revocation, revoke] = useAsyncFn(async () => {
    await readinessApi.revokeBadge(badgeId);
    onRevoked();
  }, [readinessApi, badgeId, onRevoked]);

  if (!allowed) {
    return null;
  }
  if (!confirming) {
    return (
      <div>
        <Button
          variant="secondary"
          destructive
          onPress={() => setConfirming(true)}
        >
          {t('badge.revoke')}
        </Button>
      </div>
    );
  }
  return (
    <Flex direction="column" gap="3">
      <Text as="p">{t('badge.revokeConfirm')}</Text>
      <Flex gap="3">
        <Button
          variant="primary"
          destructive
          onPress={() => revoke()}
          isDisabled={revocation.loading}
        >
          {t('badge.revokeConfirmButton')}
        </Button>
        <Button
          variant="secondary"
          onPress={() => setConfirming(false)}
          isDisabled={revocation.loading}
        >
          {t('badge.cancel')}
        </Button>
      </Flex>
      {revocation.loading && <Text as="p">{t('badge.revoking')}</Text>}
      {revocation.error && (
        <ErrorAlert
          title={t('badge.revokeErrorTitle')}
          error={revocation.error}
        />
      )}
    </Flex>
  );
}
