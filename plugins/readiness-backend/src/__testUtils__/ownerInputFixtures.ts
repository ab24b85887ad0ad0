import { NewOwnerInput, OwnerInputDecisionToStore } from '../store';
import { SCORECARD } from './storeFixtures';

/** The entity the owner input tests request exemptions for. */
export const ENTITY = 'component:default/checkout';
export const ALICE = 'user:default/alice';
export const BOB = 'user:default/bob';
export const CAROL = 'user:default/carol';

/** A pending exemption of `runbook` on {@link ENTITY}, but for what is given. */
export function exemptionRequest(
  given: Partial<NewOwnerInput> = {},
): NewOwnerInput {
  return {
    kind: 'exemption',
    entityRef: ENTITY,
    scorecardId: SCORECARD,
    subjects: ['runbook'],
    text: 'Runbook moves to the **new wiki** next sprint',
    link: 'https://tickets.example.com/OPS-1',
    expiresAt: '2027-01-31',
    requestedBy: ALICE,
    requestedAt: new Date('2026-12-07T10:00:00.123Z'),
    status: 'pending',
    ...given,
  };
}

/** An attestation of `dr-rehearsed` on {@link ENTITY}, active unless told. */
export function attestationRequest(
  given: Partial<NewOwnerInput> = {},
): NewOwnerInput {
  return {
    kind: 'attestation',
    entityRef: ENTITY,
    scorecardId: SCORECARD,
    subjects: ['dr-rehearsed'],
    text: 'Failed over to the second region on 2026-11-30',
    link: 'https://wiki.example.com/dr/2026-11',
    requestedBy: ALICE,
    requestedAt: new Date('2026-12-07T10:00:00.123Z'),
    status: 'active',
    ...given,
  };
}

/** Bob's decision, approving unless told otherwise. */
export function decision(
  given: Partial<OwnerInputDecisionToStore> = {},
): OwnerInputDecisionToStore {
  return {
    approve: true,
    by: BOB,
    at: new Date('2026-12-08T09:30:00.456Z'),
    comment: 'Accepted until the migration',
    ...given,
  };
}
