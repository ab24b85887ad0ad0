import type { AppliedAttestation } from '../ownerInput';
import { AttestationCondition } from '../types';
import { parseDuration } from './duration';
import {
  CompiledCondition,
  ConditionVerdict,
  HOLDS_ATTESTED,
} from './evaluationContext';
import { truncate } from './resultLimits';

/** What evidence of an attestation names as its source. */
export const ATTESTATION_SOURCE = 'attestation';

/** The evidence's `fact` for attestation `id`, e.g. `attestation.dr-rehearsed`. */
export function attestationFact(id: string): string {
  return `attestation.${id}`;
}

function unknown(reason: string): ConditionVerdict {
  return { outcome: 'unknown', reasons: [truncate(reason)] };
}

/**
 * An attestation condition: the newest active attestation of that id
 * decides. None makes it unknown, and so does one older than `maxAge`;
 * otherwise it holds, on basis `attested`. The attestation becomes evidence
 * if `recordsEvidence` (the compiler leaves that to the first condition of a
 * check on each attestation).
 */
export function compileAttestation(
  condition: AttestationCondition,
  recordsEvidence: boolean,
): CompiledCondition {
  const { attestation: id, maxAge } = condition;
  const limit = maxAge === undefined ? Infinity : parseDuration(maxAge);
  if (limit === undefined) {
    throw new Error(
      `Condition on attestation ${id} has an invalid maxAge "${maxAge}"`,
    );
  }
  const fact = attestationFact(id);
  const none = unknown(
    `no attestation "${id}" yet: the owners can attest it on the Readiness tab`,
  );

  return context => {
    const attestation = context.attestations.get(id);
    if (attestation === undefined) {
      return none;
    }
    const attestedAt = Date.parse(attestation.attestedAt);
    if (recordsEvidence) {
      context.evidence.push({
        fact,
        value: truncate(attestation.statement),
        source: ATTESTATION_SOURCE,
        observedAt: attestation.attestedAt,
      });
    }
    if (context.now - attestedAt > limit) {
      const day = new Date(attestedAt).toISOString().slice(0, 10);
      return unknown(`attestation "${id}" of ${day} is older than ${maxAge}`);
    }
    return HOLDS_ATTESTED;
  };
}

/**
 * The newest attestation of each id, by `attestedAt`; attestations whose
 * time cannot be read are left out, as they cannot be aged.
 */
export function newestAttestations(
  attestations: readonly AppliedAttestation[],
): Map<string, AppliedAttestation> {
  const newest = new Map<string, AppliedAttestation>();
  const times = new Map<string, number>();
  for (const attestation of attestations) {
    const time = Date.parse(attestation.attestedAt);
    const current = times.get(attestation.attestation);
    if (Number.isNaN(time) || (current !== undefined && current >= time)) {
      continue;
    }
    newest.set(attestation.attestation, attestation);
    times.set(attestation.attestation, time);
  }
  return newest;
}
