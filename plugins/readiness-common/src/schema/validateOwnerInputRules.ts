import { AttestationRules, ExemptionRules } from '../types';
import { Mapping } from './mapping';

/** The longest `spec.exemptions.maxDays`: ten years. */
export const MAX_EXEMPTION_DAYS = 3650;

/** `spec.exemptions: { maxDays }`: how long an exemption may last. */
export function validateExemptionRules(
  spec: Mapping,
): ExemptionRules | undefined {
  const mapping = spec.mapping('exemptions', false);
  if (mapping === undefined) {
    return undefined;
  }
  mapping.allowOnly(['maxDays']);
  const maxDays = mapping.number('maxDays', true);
  if (maxDays === undefined) {
    return undefined;
  }
  if (
    !Number.isInteger(maxDays) ||
    maxDays < 1 ||
    maxDays > MAX_EXEMPTION_DAYS
  ) {
    mapping.report(
      'maxDays',
      `must be a whole number of days from 1 to ${MAX_EXEMPTION_DAYS}, got ${maxDays}`,
    );
    return undefined;
  }
  return { maxDays };
}

/** `spec.attestations: { requireConfirmation }`. */
export function validateAttestationRules(
  spec: Mapping,
): AttestationRules | undefined {
  const mapping = spec.mapping('attestations', false);
  if (mapping === undefined) {
    return undefined;
  }
  mapping.allowOnly(['requireConfirmation']);
  const requireConfirmation = mapping.boolean('requireConfirmation', true);
  return requireConfirmation === undefined
    ? undefined
    : { requireConfirmation };
}
