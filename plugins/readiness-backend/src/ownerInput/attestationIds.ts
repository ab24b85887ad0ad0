import {
  Condition,
  ScorecardDefinition,
} from '@readiness/plugin-readiness-common';

function collect(condition: Condition, ids: Set<string>): void {
  if ('attestation' in condition) {
    ids.add(condition.attestation);
  } else if ('all' in condition) {
    condition.all.forEach(part => collect(part, ids));
  } else if ('any' in condition) {
    condition.any.forEach(part => collect(part, ids));
  } else if ('firstKnown' in condition) {
    condition.firstKnown.forEach(part => collect(part, ids));
  } else if ('not' in condition) {
    collect(condition.not, ids);
  }
}

/** The attestations a scorecard's checks accept, by check id. */
export function attestationIds(
  scorecard: ScorecardDefinition,
): Map<string, string[]> {
  const byAttestation = new Map<string, string[]>();
  for (const check of scorecard.checks) {
    const ids = new Set<string>();
    collect(check.condition, ids);
    for (const id of ids) {
      byAttestation.set(id, [...(byAttestation.get(id) ?? []), check.id]);
    }
  }
  return byAttestation;
}
