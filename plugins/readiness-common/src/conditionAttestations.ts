import type { AttestationCondition, Condition } from './types';

/**
 * The attestations a condition accepts, at any depth of `all`, `any`,
 * `firstKnown` and `not`, each id once (the first occurrence). A reference
 * to another check is not followed: that check accepts its own.
 *
 * @public
 */
export function conditionAttestations(
  condition: Condition,
): AttestationCondition[] {
  const found = new Map<string, AttestationCondition>();
  const walk = (part: Condition) => {
    if ('attestation' in part) {
      if (!found.has(part.attestation)) {
        found.set(part.attestation, part);
      }
    } else if ('all' in part) {
      part.all.forEach(walk);
    } else if ('any' in part) {
      part.any.forEach(walk);
    } else if ('firstKnown' in part) {
      part.firstKnown.forEach(walk);
    } else if ('not' in part) {
      walk(part.not);
    }
  };
  walk(condition);
  return [...found.values()];
}
