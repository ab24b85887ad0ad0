import { useApi } from '@backstage/core-plugin-api';
import type { ScorecardOverview } from '@readiness/plugin-readiness-common';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../api';
import { levelTitle } from '../utils/levels';
import { ScorecardNames, scorecardNames } from '../utils/scorecardNames';

/**
 * The titles of a scorecard's levels and checks, loaded once for every view
 * of it; `undefined` while loading. The levels come from the overview, so
 * that they show even when the definition cannot be loaded (checks then
 * show by id).
 */
export function useScorecardNames(
  scorecard: ScorecardOverview,
): ScorecardNames | undefined {
  const readinessApi = useApi(readinessApiRef);
  const details = useAsync(
    () => readinessApi.getScorecard(scorecard.id),
    [readinessApi, scorecard.id],
  );
  if (details.loading) {
    return undefined;
  }
  return {
    ...scorecardNames(details.value),
    levels: scorecard.levels,
    levelTitle: id => levelTitle(scorecard.levels, id),
  };
}
