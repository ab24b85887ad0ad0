import { OwnerInput } from '@readiness/plugin-readiness-common';
import type { StoredOwnerInput } from '../store/ownerInput/OwnerInputStore';

const NONE: OwnerInput = { exemptions: [], attestations: [] };

/**
 * The engine's input from an entity's active exemptions and attestations,
 * by scorecard id; `ownerInputOf` answers with none for other scorecards.
 */
export function ownerInputByScorecard(
  active: readonly StoredOwnerInput[],
): (scorecardId: string) => OwnerInput {
  const byScorecard = new Map<string, OwnerInput>();
  for (const input of active) {
    let entry = byScorecard.get(input.scorecardId);
    if (!entry) {
      entry = { exemptions: [], attestations: [] };
      byScorecard.set(input.scorecardId, entry);
    }
    const link = input.link === null ? {} : { link: input.link };
    // An expired exemption goes to the engine too, which applies none past
    // its end date but says in the check's reason that it expired.
    if (input.kind === 'exemption' && input.expiresAt !== null) {
      entry.exemptions.push({
        id: input.id,
        checks: input.subjects,
        reason: input.text,
        expiresAt: input.expiresAt,
        requestedBy: input.requestedBy,
        approvedBy: input.decidedBy ?? input.requestedBy,
        ...link,
      });
    } else if (input.kind === 'attestation' && input.status === 'active') {
      entry.attestations.push({
        id: input.id,
        attestation: input.subjects[0],
        statement: input.text,
        requestedBy: input.requestedBy,
        attestedAt: input.requestedAt.toISOString(),
        ...link,
      });
    }
  }
  return scorecardId => byScorecard.get(scorecardId) ?? NONE;
}
