import { parseDuration } from '../engine/duration';
import { AttestationCondition } from '../types';
import { Mapping } from './mapping';

/** The keys of an attestation condition. */
export const ATTESTATION_CONDITION_KEYS: readonly string[] = [
  'attestation',
  'maxAge',
];

/**
 * Longest attestation id; ids are lower-case words joined by single dashes,
 * as in `dr-rehearsed`, so that they read the same in files, URLs and the
 * API.
 */
export const MAX_ATTESTATION_ID_LENGTH = 63;
const ATTESTATION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Why `id` cannot name an attestation, if it cannot. */
function attestationIdProblem(id: string): string | undefined {
  if (id.length > MAX_ATTESTATION_ID_LENGTH) {
    return `"${id.slice(0, 20)}…" is ${
      id.length
    } characters long; an attestation id has at most ${MAX_ATTESTATION_ID_LENGTH}`;
  }
  if (!ATTESTATION_ID.test(id)) {
    const suggestion = id
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
    const hint =
      suggestion && ATTESTATION_ID.test(suggestion)
        ? ` (did you mean "${suggestion}"?)`
        : '';
    return `"${id}" is not an attestation id: use lower-case letters, digits and single dashes, e.g. dr-rehearsed${hint}`;
  }
  return undefined;
}

/** Validates `{ attestation, maxAge? }`: a practice the owners attest. */
export function validateAttestationCondition(
  mapping: Mapping,
): AttestationCondition | undefined {
  mapping.allowOnly(ATTESTATION_CONDITION_KEYS);
  const id = mapping.string('attestation', true);
  const problem = id === undefined ? undefined : attestationIdProblem(id);
  if (problem !== undefined) {
    mapping.report('attestation', problem);
  }
  let maxAge: string | undefined;
  let validAge = true;
  if (mapping.has('maxAge')) {
    maxAge = mapping.string('maxAge', false);
    validAge = maxAge !== undefined && parseDuration(maxAge) !== undefined;
    if (maxAge !== undefined && !validAge) {
      mapping.report(
        'maxAge',
        `"${maxAge}" is not a duration; use e.g. 90d, 26w or P180D`,
      );
    }
  }
  if (id === undefined || problem !== undefined || !validAge) {
    return undefined;
  }
  return { attestation: id, ...(maxAge !== undefined && { maxAge }) };
}
