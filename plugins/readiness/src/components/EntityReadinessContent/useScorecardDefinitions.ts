import { useApi } from '@backstage/core-plugin-api';
import type { ScorecardDefinition } from '@readiness/plugin-readiness-common';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api';

const NONE = new Map<string, ScorecardDefinition>();

/**
 * The definitions of these scorecards, by id, as they load: what the owners'
 * actions need (which checks are exemptible, for how long, which accept an
 * attestation). One that cannot be loaded is left out, and so are its
 * actions.
 */
export function useScorecardDefinitions(
  ids: string[],
): Map<string, ScorecardDefinition> {
  const readinessApi = useApi(readinessApiRef);
  const key = ids.join('\n');
  const { value } = useAsync(async () => {
    const settled = await Promise.allSettled(
      (key ? key.split('\n') : []).map(id => readinessApi.getScorecard(id)),
    );
    return new Map(
      settled.flatMap(outcome =>
        outcome.status === 'fulfilled'
          ? [[outcome.value.definition.id, outcome.value.definition] as const]
          : [],
      ),
    );
  }, [readinessApi, key]);
  return value ?? NONE;
}
