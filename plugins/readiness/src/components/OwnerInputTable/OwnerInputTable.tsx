import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Flex, Table, Text, useTable } from '@backstage/ui';
import type { OwnerInputQuery } from '@readiness/plugin-readiness-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { readinessApiRef } from '../../api';
import {
  ownerInputCalls,
  OwnerInputItem,
  OwnerInputKind,
} from '../../api/ownerInputCalls';
import { useStableQuery } from '../../hooks/useStableQuery';
import { readinessTranslationRef } from '../../translation';
import {
  OwnerInputDecisionDialog,
  OwnerInputDialogAction,
} from '../OwnerInputDecisionDialog';
import { useOwnerInputColumns } from './useOwnerInputColumns';

/** The backend answers the newest ones only, up to this many. */
export const OWNER_INPUT_LIMIT = 100;

const PAGE_SIZE = 20;

/**
 * Exemptions or attestations across entities, newest first, with the
 * actions the caller may take on each (approve, reject, revoke); the list
 * loads again after one.
 */
export function OwnerInputTable(props: {
  kind: OwnerInputKind;
  query: Omit<OwnerInputQuery, 'limit'>;
  scorecardTitle: (id: string) => string;
}) {
  const { kind, scorecardTitle } = props;
  const readinessApi = useApi(readinessApiRef);
  const { t } = useTranslationRef(readinessTranslationRef);
  const query = useStableQuery(props.query);
  const list = useAsyncRetry(
    () =>
      ownerInputCalls(readinessApi, kind).list({
        ...query,
        limit: OWNER_INPUT_LIMIT,
      }),
    [readinessApi, kind, query],
  );
  const [acting, setActing] = useState<{
    item: OwnerInputItem;
    action: OwnerInputDialogAction;
  }>();
  const columns = useOwnerInputColumns({
    kind,
    scorecardTitle,
    onAction: (item, action) => setActing({ item, action }),
  });
  const items = list.value?.items;
  const { tableProps } = useTable<OwnerInputItem>({
    mode: 'complete',
    // Undefined while loading: the rows shown stay, marked stale.
    data: list.loading ? undefined : items,
    paginationOptions: { pageSize: PAGE_SIZE },
  });

  if (list.error) {
    return (
      <ResponseErrorPanel
        error={list.error}
        title={t(`exemptionsPage.${kind}.errorTitle`)}
      />
    );
  }
  return (
    <Flex direction="column" gap="2">
      <Table
        {...tableProps}
        columnConfig={columns}
        emptyState={<Text>{t(`exemptionsPage.${kind}.empty`)}</Text>}
      />
      {items?.length === OWNER_INPUT_LIMIT && (
        <Text variant="body-small" color="secondary">
          {t('exemptionsPage.truncated', { count: OWNER_INPUT_LIMIT })}
        </Text>
      )}
      {acting && (
        <OwnerInputDecisionDialog
          kind={kind}
          record={acting.item}
          action={acting.action}
          open
          onClose={() => setActing(undefined)}
          onDecided={() => {
            setActing(undefined);
            list.retry();
          }}
        />
      )}
    </Flex>
  );
}
