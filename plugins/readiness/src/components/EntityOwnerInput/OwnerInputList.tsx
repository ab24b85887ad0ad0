import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Box, Flex, Text } from '@backstage/ui';
import type { OwnerInputStatus } from '@readiness/plugin-readiness-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api';
import {
  ownerInputCalls,
  OwnerInputItem,
  OwnerInputKind,
} from '../../api/ownerInputCalls';
import { readinessTranslationRef } from '../../translation';
import { AsyncContent } from '../AsyncContent';
import {
  OwnerInputDecisionDialog,
  OwnerInputDialogAction,
} from '../OwnerInputDecisionDialog';
import { OwnerInputEntry } from './OwnerInputEntry';

/** The order of the groups: what awaits a decision first. */
const STATUSES: OwnerInputStatus[] = [
  'pending',
  'active',
  'expired',
  'rejected',
  'revoked',
];

/**
 * The entity's exemptions or attestations, grouped by status, with the
 * decision dialog for the actions the caller may take. `version` changes
 * to load them again.
 */
export function OwnerInputList(props: {
  kind: OwnerInputKind;
  entityRef: string;
  version: number;
  scorecardTitle: (id: string) => string;
  onChanged: (record: OwnerInputItem) => void;
}) {
  const { kind, entityRef, version, scorecardTitle, onChanged } = props;
  const readinessApi = useApi(readinessApiRef);
  const { t } = useTranslationRef(readinessTranslationRef);
  const list = useAsync(
    () => ownerInputCalls(readinessApi, kind).list({ entity: entityRef }),
    [readinessApi, kind, entityRef, version],
  );
  const [acting, setActing] = useState<{
    record: OwnerInputItem;
    action: OwnerInputDialogAction;
  }>();
  const title = t(`ownerInput.${kind}s`);

  return (
    <section aria-label={title}>
      <Flex direction="column" gap="2">
        <Text as="h3" variant="title-x-small">
          {title}
        </Text>
        <AsyncContent
          // The list stays while it loads again after an action.
          state={{ ...list, loading: list.loading && !list.value }}
          errorTitle={t(`ownerInput.${kind}sErrorTitle`)}
        >
          {value =>
            value?.items.length ? (
              STATUSES.map(status => {
                const records = value.items.filter(
                  record => record.status === status,
                );
                if (records.length === 0) {
                  return null;
                }
                const group = t('ownerInput.statusGroup', {
                  status: t(`ownerInput.status.${status}`),
                  count: records.length,
                });
                return (
                  <div key={status}>
                    <Text as="h4" variant="body-medium" weight="bold">
                      {group}
                    </Text>
                    <Box
                      as="ul"
                      aria-label={group}
                      style={{ listStyle: 'none', padding: 0, margin: 0 }}
                    >
                      {records.map(record => (
                        <OwnerInputEntry
                          key={record.id}
                          kind={kind}
                          record={record}
                          scorecardTitle={scorecardTitle(record.scorecard)}
                          onAction={action => setActing({ record, action })}
                        />
                      ))}
                    </Box>
                  </div>
                );
              })
            ) : (
              <Text as="p">
                {t(
                  kind === 'exemption'
                    ? 'ownerInput.noExemptions'
                    : 'ownerInput.noAttestations',
                )}
              </Text>
            )
          }
        </AsyncContent>
      </Flex>
      {acting && (
        <OwnerInputDecisionDialog
          kind={kind}
          record={acting.record}
          action={acting.action}
          scorecardTitle={scorecardTitle(acting.record.scorecard)}
          open
          onClose={() => setActing(undefined)}
          onDecided={record => {
            setActing(undefined);
            onChanged(record);
          }}
        />
      )}
    </section>
  );
}
