import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { Button, Flex } from '@backstage/ui';
import { readinessEntityRefreshPermission } from '@readiness/plugin-readiness-common';
import type { EntityReadiness } from '@readiness/plugin-readiness-common';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { readinessApiRef } from '../../api';
import { readinessTranslationRef } from '../../translation';
import { ErrorAlert } from '../ErrorAlert';

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
      {error && <ErrorAlert title={t('refresh.errorTitle')} error={error} />}
    </Flex>
  );
}
