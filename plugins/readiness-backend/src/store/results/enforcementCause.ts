import { ChangeCause } from '@readiness/plugin-readiness-common';
import type { StoredResult } from '../storedResult';

/** Statuses that count against an entity once their check is enforced. */
const COUNTS_AGAINST = new Set(['fail', 'unknown']);

/**
 * When a check that was advisory is enforced now and does not pass (so the
 * level or score may have changed with its status unchanged): the deadline
 * of the campaign that promoted it passed (cause `campaign`), or its own
 * `enforcedFrom` day came (cause `scorecard`, as the definition said so).
 * The stored results carry each check's advisory state, so no other record
 * is needed.
 */
export function enforcementCause(
  before: StoredResult,
  after: StoredResult,
): { cause: ChangeCause; note: string } | undefined {
  const previous = new Map(before.checks.map(c => [c.id, c]));
  for (const check of after.checks) {
    const was = previous.get(check.id)?.advisory;
    if (!was || check.advisory || !COUNTS_AGAINST.has(check.status)) {
      continue;
    }
    const from = was.enforcedFrom ? ` from ${was.enforcedFrom}` : '';
    return was.campaign
      ? {
          cause: 'campaign',
          note: `${check.id}: enforced${from} by campaign ${was.campaign}`,
        }
      : { cause: 'scorecard', note: `${check.id}: enforced${from}` };
  }
  return undefined;
}
