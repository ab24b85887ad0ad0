import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { Alert, Button, Flex } from '@backstage/ui';
import { readinessEntityRefreshPermission } from '@readiness/plugin-readiness-common';
import type { EntityReadiness } from '@readiness/plugin-readiness-common';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { readinessApiRef } from '../../api';
import { readinessTranslationRef } from '../../translation';

/**
 * Re-collects the entity's facts and re-evaluates it now. Shown only to
 * those the permission policy allows to (`readiness.entity.refresh`).
 */
export function RefreshReadinessButton(props: {
  entityRef: string;
  onRefreshed: (readiness: EntityReadiness) => void;
}) {
  const { entityRef, onRefreshed } = props;
  const readinessApi = useApi(readinessApiRef);
  const { t } = useTranslationRef(readinessTranslationRef);
  const { allowed } = usePermission({
    permission: readinessEntityRefreshPermission,
    resourceRef: entityRef,
  });
  const [{ loading, error }, refresh] = useAsyncFn(async () => {
    onRefreshed(await readinessApi.refreshEntityReadiness(entityRef));
  }, [readinessApi, entityRef, onRefreshed]);

  if (!allowed) {
    return null;
  }
  return (
    <Flex direction="column" gap="2" align="end">
      <Button variant="secondary" isPending={loading} onPress={refresh}>
        {t('refresh.button')}
      </Button>
      {error && (
        <Alert
          role="alert"
          status="danger"
          icon
          title={t('refresh.errorTitle')}
          description={
            error instanceof ResponseError ? error.cause.message : error.message
          }
        />
      )}
    </Flex>
  );
}
