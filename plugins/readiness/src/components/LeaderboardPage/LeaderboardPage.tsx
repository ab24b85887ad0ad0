import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Flex, Text } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { NO_GROUP } from '@readiness/plugin-readiness-common';
import { readinessApiRef } from '../../api';
import { useReadinessPageParams } from '../../hooks/useReadinessPageParams';
import { readinessTranslationRef } from '../../translation';
import { entityRefName } from '../../utils/entityRefName';
import { DrillDownSection } from '../DrillDownSection';
import { EntityResultsTable } from '../EntityResultsTable';
import {
  LeaderboardFilters,
  leaderboardSelection,
} from '../LeaderboardFilters';
import { LeaderboardRanking } from '../LeaderboardRanking';

/**
 * Leaderboards: owners, systems or domains ranked on a scorecard, filtered
 * by kind, type, lifecycle and tag, with their trend, and the entities of
 * one group. What it shows is in the URL, so it can be shared.
 */
export function LeaderboardPage() {
  const readinessApi = useApi(readinessApiRef);
  const { t } = useTranslationRef(readinessTranslationRef);
  const [params, setParams] = useReadinessPageParams();
  const scorecards = useAsync(
    () => readinessApi.getScorecards(),
    [readinessApi],
  );

  if (scorecards.loading) {
    return <Progress />;
  }
  if (scorecards.error) {
    return (
      <ResponseErrorPanel
        error={scorecards.error}
        title={t('scorecards.errorTitle')}
      />
    );
  }
  const items = scorecards.value?.items ?? [];
  const scorecard =
    items.find(item => item.id === params.scorecard) ?? items[0];
  if (!scorecard) {
    return <Text as="p">{t('scorecards.empty')}</Text>;
  }

  const selection = leaderboardSelection(params, scorecard.id);
  const { groupBy, period, rollup, ...entityFilter } = selection;
  // Rolled up by owner, a group's row counts the groups under it.
  const rolledUp = groupBy === 'owner' && rollup;

  return (
    <Flex direction="column" gap="4">
      <LeaderboardFilters
        scorecards={items}
        selection={selection}
        onChange={setParams}
      />
      {params.group && (
        <DrillDownSection
          title={
            params.group === NO_GROUP
              ? t(`leaderboard.entitiesWithout.${groupBy}`)
              : t('leaderboard.entitiesOf', {
                  group: entityRefName(params.group),
                })
          }
          onClose={() => setParams({ group: undefined })}
        >
          {rolledUp && (
            <Text variant="body-small" color="secondary">
              {t('leaderboard.directEntitiesOnly')}
            </Text>
          )}
          <EntityResultsTable
            query={{ ...entityFilter, [groupBy]: params.group }}
            levels={scorecard.levels}
          />
        </DrillDownSection>
      )}
      <LeaderboardRanking
        query={{
          ...entityFilter,
          groupBy,
          periodDays: Number(period),
          ...(rolledUp && { rollup: true }),
        }}
        levels={scorecard.levels}
        onShowEntities={group => setParams({ group })}
      />
    </Flex>
  );
}
