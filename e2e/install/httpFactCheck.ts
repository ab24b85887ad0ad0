/*
 * The fact the HTTP module read from the stub decides the scorecard's
 * check, as the REST API reports it.
 */
import { backendUrl, timeouts } from '../support/demo';
import { fetchWithTimeout, guestToken } from '../support/backendApi';
import { waitFor } from '../support/waitFor';

type CheckResult = {
  id: string;
  status: string;
  basis?: string;
  reason?: string;
};
type EntityReadiness = {
  scorecards: Array<{ scorecard: { id: string }; checks: CheckResult[] }>;
};

export async function waitForHttpFactToDecide(options: {
  entityName: string;
  scorecardId: string;
  checkId: string;
  stubRequests: string[];
}) {
  const check = await waitFor(
    `check ${options.checkId} of ${options.entityName} decided by the HTTP module`,
    async () => {
      const response = await fetchWithTimeout(
        `${backendUrl}/api/readiness/entities/component/default/${options.entityName}`,
        { headers: { authorization: `Bearer ${await guestToken()}` } },
      );
      if (!response.ok) {
        throw new Error(
          `GET readiness of ${options.entityName}: ${response.status}`,
        );
      }
      const body = (await response.json()) as EntityReadiness;
      const result = body.scorecards
        .find(s => s.scorecard.id === options.scorecardId)
        ?.checks.find(c => c.id === options.checkId);
      if (!result) {
        throw new Error(
          `no ${options.scorecardId} result with check ${options.checkId}`,
        );
      }
      if (result.status !== 'pass' || result.basis !== 'verified') {
        throw new Error(
          `the check is ${result.status} (${result.basis ?? 'no basis'}): ${
            result.reason ?? ''
          }`,
        );
      }
      return result;
    },
    { timeoutMs: timeouts.evaluationMs, intervalMs: 2000 },
  );
  if (
    !options.stubRequests.some(r =>
      r.includes(`component=${options.entityName}`),
    )
  ) {
    throw new Error(
      'the check passed, but the HTTP module never asked the stub',
    );
  }
  return check;
}
