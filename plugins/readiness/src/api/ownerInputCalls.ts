import type {
  Attestation,
  Exemption,
  OwnerInputDecision,
  OwnerInputQuery,
  OwnerInputRevocation,
} from '@readiness/plugin-readiness-common';
import { ReadinessApi } from './ReadinessApi';

/** Exemptions and attestations go through the same workflow. */
export type OwnerInputKind = 'exemption' | 'attestation';

/** An exemption or an attestation. */
export type OwnerInputItem = Exemption | Attestation;

/** The workflow's calls for one kind, so that screens serve both alike. */
export interface OwnerInputCalls {
  list(query: OwnerInputQuery): Promise<{ items: OwnerInputItem[] }>;
  decide(id: string, decision: OwnerInputDecision): Promise<OwnerInputItem>;
  revoke(id: string, revocation: OwnerInputRevocation): Promise<OwnerInputItem>;
}

export function ownerInputCalls(
  api: ReadinessApi,
  kind: OwnerInputKind,
): OwnerInputCalls {
  return kind === 'exemption'
    ? {
        list: query => api.listExemptions(query),
        decide: (id, decision) => api.decideExemption(id, decision),
        revoke: (id, revocation) => api.revokeExemption(id, revocation),
      }
    : {
        list: query => api.listAttestations(query),
        decide: (id, decision) => api.decideAttestation(id, decision),
        revoke: (id, revocation) => api.revokeAttestation(id, revocation),
      };
}
