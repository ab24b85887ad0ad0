import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Flex, Select, TextField } from '@backstage/ui';
import type { ScorecardOverview } from '@readiness/plugin-readiness-common';
import { useEffect, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import { ReadinessPageParams } from '../../hooks/readinessPageParams';
import { readinessTranslationRef } from '../../translation';
import {
  ANY_STATUS,
  EXPIRING_DAYS,
  ExemptionsSelection,
  STATUSES,
} from './exemptionsSelection';

/** The option that removes a filter. */
const ANY = '*';

/** How long the owner field waits for typing to stop before it filters. */
const OWNER_DEBOUNCE_MS = 500;

/**
 * The exemptions page's filters: status, scorecard, owner (a group), and
 * active exemptions ending within some days.
 */
export function ExemptionsFilters(props: {
  scorecards: ScorecardOverview[];
  selection: ExemptionsSelection;
  onChange: (changes: ReadinessPageParams) => void;
}) {
  const { scorecards, selection, onChange } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const [owner, setOwner] = useState(selection.owner ?? '');
  // The URL changed by other means (back, a link): show what it says.
  useEffect(() => setOwner(selection.owner ?? ''), [selection.owner]);
  useDebounce(
    () => {
      if (owner.trim() !== (selection.owner ?? '')) {
        onChange({ owner: owner.trim() || undefined });
      }
    },
    OWNER_DEBOUNCE_MS,
    [owner],
  );

  return (
    <Flex gap="3" align="end" style={{ flexWrap: 'wrap' }}>
      <Select
        label={t('exemptionsPage.filters.status')}
        options={[
          ...STATUSES.map(status => ({
            id: status,
            label: t(`ownerInput.status.${status}`),
          })),
          { id: ANY_STATUS, label: t('filters.any') },
        ]}
        value={selection.status}
        onChange={key =>
          onChange({
            status: key === 'pending' ? undefined : String(key),
            // Only active ones have an end ahead of them.
            ...(key === 'active' ? {} : { expiring: undefined }),
          })
        }
      />
      <Select
        label={t('filters.scorecard')}
        options={[
          { id: ANY, label: t('filters.any') },
          ...scorecards.map(scorecard => ({
            id: scorecard.id,
            label: scorecard.title,
          })),
        ]}
        value={selection.scorecard ?? ANY}
        onChange={key =>
          onChange({ scorecard: key === ANY ? undefined : String(key) })
        }
      />
      <TextField
        label={t('exemptionsPage.filters.owner')}
        description={t('exemptionsPage.filters.ownerDescription')}
        value={owner}
        onChange={setOwner}
      />
      <Select
        label={t('exemptionsPage.filters.expiring')}
        options={[
          { id: ANY, label: t('filters.any') },
          ...EXPIRING_DAYS.map(days => ({
            id: days,
            label: t('filters.periodDays', { count: Number(days) }),
          })),
        ]}
        value={selection.expiring ?? ANY}
        onChange={key =>
          onChange(
            key === ANY
              ? { expiring: undefined }
              : { expiring: String(key), status: 'active' },
          )
        }
      />
    </Flex>
  );
}
