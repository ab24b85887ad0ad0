import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Flex } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api';
import { readinessTranslationRef } from '../../translation';
import type { ScorecardNames } from '../../utils/scorecardNames';
import { AsyncContent } from '../AsyncContent';
import { TeamMembersTable } from '../TeamMembersTable';
import { TeamReadinessSummary } from '../TeamReadinessSummary';

/**
 * The readiness of a group's entities, its sub-groups' included, on one
 * scorecard: the summary, and unless `compact`, the entities themselves.
 */
export function TeamReadinessView(props: {
  groupRef: string;
  scorecard: string;
  names: ScorecardNames;
  compact?: boolean;
}) {
  const { groupRef, scorecard, names, compact } = props;
  const readinessApi = useApi(readinessApiRef);
  const { t } = useTranslationRef(readinessTranslationRef);
  const team = useAsync(
    () => readinessApi.getTeamReadiness(groupRef, scorecard),
    [readinessApi, groupRef, scorecard],
  );

  return (
    <AsyncContent
      state={team}
      errorTitle={t('teamReadiness.errorTitle', { group: groupRef })}
    >
      {value =>
        value && (
          <Flex direction="column" gap="4">
            <TeamReadinessSummary team={value} names={names} />
            {!compact && value.entities > 0 && (
              <TeamMembersTable team={value} names={names} />
            )}
          </Flex>
        )
      }
    </AsyncContent>
  );
}
