import { ChangeCause, CheckChange } from '@readiness/plugin-readiness-common';
import type { StoredCheckResult, StoredResult } from '../storedResult';

function describeExemption(
  was: StoredCheckResult | undefined,
  now: StoredCheckResult | undefined,
): string | undefined {
  const started = now?.waiver?.source === 'exemption' ? now.waiver : undefined;
  const ended = was?.waiver?.source === 'exemption' ? was.waiver : undefined;
  if (started && started.exemptionId !== ended?.exemptionId) {
    return `exemption ${started.exemptionId} approved by ${started.approvedBy}, until ${started.expiresAt}`;
  }
  if (ended && !started) {
    return `exemption ${ended.exemptionId} ended (revoked, or expired after ${ended.expiresAt})`;
  }
  return undefined;
}

function describeAttestation(
  was: StoredCheckResult | undefined,
  now: StoredCheckResult | undefined,
): string | undefined {
  if (now?.basis === 'attested' && was?.basis !== 'attested') {
    return `attested by the owners`;
  }
  if (was?.basis === 'attested' && now?.basis !== 'attested') {
    return `attestation no longer counts (revoked or too old)`;
  }
  return undefined;
}

/**
 * When checks changed because an exemption or attestation began or ended
 * (approved, revoked, expired, aged), that cause and what happened; the
 * check results carry their waiver and basis, so no other record is needed.
 */
export function ownerInputCause(
  before: StoredResult,
  after: StoredResult,
  changes: CheckChange[],
): { cause: ChangeCause; note: string } | undefined {
  const previous = new Map(before.checks.map(c => [c.id, c]));
  const current = new Map(after.checks.map(c => [c.id, c]));
  for (const { check } of changes) {
    const was = previous.get(check);
    const now = current.get(check);
    const exemption = describeExemption(was, now);
    if (exemption) {
      return { cause: 'exemption', note: `${check}: ${exemption}` };
    }
    const attestation = describeAttestation(was, now);
    if (attestation) {
      return { cause: 'attestation', note: `${check}: ${attestation}` };
    }
  }
  return undefined;
}
