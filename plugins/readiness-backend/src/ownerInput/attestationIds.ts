import {
  conditionAttestations,
  ScorecardDefinition,
} from '@readiness/plugin-readiness-common';

/** The attestations a scorecard's checks accept, with the checks of each. */
export function attestationIds(
  scorecard: ScorecardDefinition,
): Map<string, string[]> {
  const byAttestation = new Map<string, string[]>();
  for (const check of scorecard.checks) {
    for (const { attestation } of conditionAttestations(check.condition)) {
      byAttestation.set(attestation, [
        ...(byAttestation.get(attestation) ?? []),
        check.id,
      ]);
    }
  }
  return byAttestation;
}
