import type {
  Attestation,
  Exemption,
} from '@readiness/plugin-readiness-common';

/** An exemption as the backend lists it: pending, nothing allowed. */
export function exemption(fields: Partial<Exemption> = {}): Exemption {
  return {
    id: 'ex-1',
    entityRef: 'component:default/payments',
    scorecard: 'production-readiness',
    status: 'pending',
    checks: ['on-call'],
    reason: 'The on-call rotation starts **next quarter**.',
    expiresAt: '2099-06-30',
    requestedBy: 'user:default/jane',
    requestedAt: '2026-05-01T10:00:00Z',
    events: [
      {
        action: 'requested',
        actor: 'user:default/jane',
        at: '2026-05-01T10:00:00Z',
      },
    ],
    actions: [],
    ...fields,
  };
}

/** An attestation as the backend lists it: pending, nothing allowed. */
export function attestation(fields: Partial<Attestation> = {}): Attestation {
  return {
    id: 'at-1',
    entityRef: 'component:default/payments',
    scorecard: 'production-readiness',
    status: 'pending',
    attestation: 'dr-rehearsed',
    statement: 'We rehearsed the **failover** on 2 May.',
    requestedBy: 'user:default/jane',
    requestedAt: '2026-05-02T10:00:00Z',
    events: [
      {
        action: 'requested',
        actor: 'user:default/jane',
        at: '2026-05-02T10:00:00Z',
      },
    ],
    actions: [],
    ...fields,
  };
}
