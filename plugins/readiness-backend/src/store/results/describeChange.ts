import {
  ChangeCause,
  CheckChange,
  ReadinessChange,
} from '@readiness/plugin-readiness-common';
import type { StoredResult } from '../storedResult';
import { enforcementCause } from './enforcementCause';
import { ownerInputCause } from './ownerInputCause';

/** A result with what it was computed from. */
export interface VersionedResult {
  result: StoredResult;
  entityEtag: string | null;
  scorecardVersion: string | null;
}

function checkChanges(
  before: StoredResult,
  after: StoredResult,
): CheckChange[] {
  const previous = new Map(before.checks.map(c => [c.id, c.status]));
  const changes: CheckChange[] = after.checks.flatMap(check => {
    const was = previous.get(check.id) ?? null;
    previous.delete(check.id);
    return was === check.status
      ? []
      : [{ check: check.id, before: was, after: check.status }];
  });
  for (const [check, was] of previous) {
    changes.push({ check, before: was, after: null });
  }
  return changes;
}

/**
 * The cause, and for owners' input or an enforced check a note on what
 * happened to which.
 */
function causeOf(
  before: VersionedResult,
  after: VersionedResult,
  changes: CheckChange[],
): { cause: ChangeCause; note?: string } {
  if (before.entityEtag !== after.entityEtag) {
    return { cause: 'entity' };
  }
  if (before.scorecardVersion !== after.scorecardVersion) {
    return { cause: 'scorecard' };
  }
  return (
    enforcementCause(before.result, after.result) ??
    ownerInputCause(before.result, after.result, changes) ?? {
      cause: 'facts',
    }
  );
}

/**
 * What the history records when a result replaces another: a change when
 * the level or any check's status differs, or a check that does not pass
 * starts to count (a score that moves only because of weights is not a
 * change), nothing otherwise. When the entity and the
 * scorecard are what they were, an exemption or attestation that began or
 * ended caused it, or a check that was advisory (until a date of its own or
 * a campaign's deadline) is enforced, or else the facts changed.
 */
export function describeChange(
  before: VersionedResult | undefined,
  after: VersionedResult,
): ReadinessChange | undefined {
  const base = {
    scorecard: after.result.scorecard.id,
    changedAt: after.result.evaluatedAt,
    levelAfter: after.result.level,
    scoreAfter: after.result.score,
  };
  if (!before) {
    return {
      ...base,
      cause: 'first-evaluation',
      levelBefore: null,
      scoreBefore: null,
      checks: checkChanges({ ...after.result, checks: [] }, after.result),
    };
  }
  const checks = checkChanges(before.result, after.result);
  if (
    checks.length === 0 &&
    before.result.level === after.result.level &&
    // A failing check that starts to count lowers the score alone.
    !enforcementCause(before.result, after.result)
  ) {
    return undefined;
  }
  return {
    ...base,
    ...causeOf(before, after, checks),
    levelBefore: before.result.level,
    scoreBefore: before.result.score,
    checks,
  };
}
