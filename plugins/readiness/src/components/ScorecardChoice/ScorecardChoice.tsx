import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Flex, Select, Text } from '@backstage/ui';
import type { ScorecardOverview } from '@readiness/plugin-readiness-common';
import { ReactNode, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api';
import { readinessTranslationRef } from '../../translation';
import { AsyncContent } from '../AsyncContent';

/**
 * Loads the scorecards in force and renders `children` for one of them:
 * the one chosen in a select shown when there are several, else the one
 * that scores the most entities (the organisation's main scorecard).
 */
export function ScorecardChoice(props: {
  children: (scorecard: ScorecardOverview) => ReactNode;
}) {
  const { children } = props;
  const readinessApi = useApi(readinessApiRef);
  const { t } = useTranslationRef(readinessTranslationRef);
  const scorecards = useAsync(
    () => readinessApi.getScorecards(),
    [readinessApi],
  );
  const [chosen, setChosen] = useState<string>();

  return (
    <AsyncContent state={scorecards} errorTitle={t('scorecards.errorTitle')}>
      {list => {
        const items = list?.items ?? [];
        const scorecard =
          items.find(item => item.id === chosen) ?? widestOf(items);
        if (!scorecard) {
          return <Text as="p">{t('scorecards.empty')}</Text>;
        }
        return (
          <Flex direction="column" gap="4">
            {items.length > 1 && (
              <Select
                label={t('filters.scorecard')}
                options={items.map(item => ({
                  id: item.id,
                  label: item.title,
                }))}
                value={scorecard.id}
                onChange={key => setChosen(String(key))}
              />
            )}
            {children(scorecard)}
          </Flex>
        );
      }}
    </AsyncContent>
  );
}

function widestOf(
  items: readonly ScorecardOverview[],
): ScorecardOverview | undefined {
  return items.reduce<ScorecardOverview | undefined>(
    (widest, item) =>
      widest === undefined || item.entities > widest.entities ? item : widest,
    undefined,
  );
}
