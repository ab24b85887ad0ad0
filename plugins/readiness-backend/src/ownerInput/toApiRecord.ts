import {
  Attestation,
  Exemption,
  OwnerInputActionName,
  OwnerInputRecord,
} from '@readiness/plugin-readiness-common';
import type { StoredOwnerInput } from '../store/ownerInput/OwnerInputStore';

/** The API's shape of an exemption or of an attestation. */
export type OwnerInputOf<K extends 'exemption' | 'attestation'> =
  K extends 'exemption' ? Exemption : Attestation;

/** What the caller may do with a record, given who they are. */
export function actionsOn(
  stored: StoredOwnerInput,
  caller: { user: string | undefined; approver: boolean },
): OwnerInputActionName[] {
  const actions: OwnerInputActionName[] = [];
  const isRequester = caller.user === stored.requestedBy;
  if (stored.status === 'pending' && caller.approver && !isRequester) {
    actions.push('decide');
  }
  if (
    (stored.status === 'pending' || stored.status === 'active') &&
    (caller.approver || isRequester)
  ) {
    actions.push('revoke');
  }
  return actions;
}

function optional<K extends string>(
  key: K,
  value: string | Date | null,
): Partial<Record<K, string>> {
  if (value === null) {
    return {};
  }
  return {
    [key]: value instanceof Date ? value.toISOString() : value,
  } as Partial<Record<K, string>>;
}

function recordOf(
  stored: StoredOwnerInput,
  actions: OwnerInputActionName[],
): OwnerInputRecord {
  return {
    id: stored.id,
    entityRef: stored.entityRef,
    scorecard: stored.scorecardId,
    status: stored.status,
    ...optional('link', stored.link),
    requestedBy: stored.requestedBy,
    requestedAt: stored.requestedAt.toISOString(),
    ...optional('decidedBy', stored.decidedBy),
    ...optional('decidedAt', stored.decidedAt),
    ...optional('decisionComment', stored.decisionComment),
    ...optional('closedBy', stored.closedBy),
    ...optional('closedAt', stored.closedAt),
    ...optional('closeComment', stored.closeComment),
    events: stored.events,
    actions,
  };
}

/** The API's shape of a stored exemption. */
export function toExemption(
  stored: StoredOwnerInput,
  actions: OwnerInputActionName[],
): Exemption {
  return {
    ...recordOf(stored, actions),
    checks: stored.subjects,
    reason: stored.text,
    expiresAt: stored.expiresAt ?? '',
  };
}

/** The API's shape of a stored attestation. */
export function toAttestation(
  stored: StoredOwnerInput,
  actions: OwnerInputActionName[],
): Attestation {
  return {
    ...recordOf(stored, actions),
    attestation: stored.subjects[0],
    statement: stored.text,
  };
}
