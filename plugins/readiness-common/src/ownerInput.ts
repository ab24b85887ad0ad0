/*
 * Exemptions and attestations: what owners put into their readiness, with
 * the approval workflow around it. The shapes of the REST API
 * (`/exemptions`, `/attestations`) and of what the engine applies.
 */

/**
 * Where a request stands. `pending` until an approver decides; `active`
 * once approved (or given, for an attestation that needs no confirmation);
 * `rejected`; `revoked` before its end; `expired` after its end date.
 *
 * @public
 */
export type OwnerInputStatus =
  | 'pending'
  | 'active'
  | 'rejected'
  | 'revoked'
  | 'expired';

/** What happened to an exemption or attestation. @public */
export type OwnerInputAction =
  | 'requested'
  | 'approved'
  | 'rejected'
  | 'revoked'
  | 'expired';

/** One recorded step of the workflow, oldest first. @public */
export interface OwnerInputEvent {
  action: OwnerInputAction;
  /** User entity ref; `null` for what the plugin did itself (expiry). */
  actor: string | null;
  /** ISO 8601 time. */
  at: string;
  /** Markdown. */
  comment?: string;
}

/** The workflow fields shared by exemptions and attestations. @public */
export interface OwnerInputRecord {
  id: string;
  entityRef: string;
  scorecard: string;
  status: OwnerInputStatus;
  /** A ticket or evidence, http(s) only. */
  link?: string;
  /** User entity ref. */
  requestedBy: string;
  requestedAt: string;
  /** Who approved or rejected it, when and why. */
  decidedBy?: string;
  decidedAt?: string;
  decisionComment?: string;
  /** Who revoked it and when, or when it expired. */
  closedBy?: string;
  closedAt?: string;
  closeComment?: string;
  events: OwnerInputEvent[];
  /** What the caller may do with it now. */
  actions: OwnerInputActionName[];
}

/**
 * An action on an exemption or attestation: `decide` (approve or reject a
 * pending one) or `revoke`.
 *
 * @public
 */
export type OwnerInputActionName = 'decide' | 'revoke';

/**
 * An owner's request to take checks out of an entity's score until an end
 * date, with the reason the risk is accepted.
 *
 * @public
 */
export interface Exemption extends OwnerInputRecord {
  checks: string[];
  /** Markdown. */
  reason: string;
  /** YYYY-MM-DD: the last (UTC) day the exemption applies. */
  expiresAt: string;
}

/**
 * An owner's statement that a practice took place (e.g. the disaster-recovery
 * plan was rehearsed), which checks with an `attestation` condition accept.
 *
 * @public
 */
export interface Attestation extends OwnerInputRecord {
  /** The attestation id the scorecard's conditions name. */
  attestation: string;
  /** Markdown. */
  statement: string;
}

/** `POST /exemptions`. @public */
export interface ExemptionRequest {
  entityRef: string;
  scorecard: string;
  checks: string[];
  reason: string;
  /** YYYY-MM-DD. */
  expiresAt: string;
  link?: string;
}

/** `POST /attestations`. @public */
export interface AttestationRequest {
  entityRef: string;
  scorecard: string;
  attestation: string;
  statement: string;
  link?: string;
}

/** `POST /exemptions/{id}/decision` and `/attestations/{id}/decision`. @public */
export interface OwnerInputDecision {
  decision: 'approve' | 'reject';
  comment: string;
  /** Exemptions only: an end date no later than the requested one. */
  expiresAt?: string;
}

/** `POST /exemptions/{id}/revoke` and `/attestations/{id}/revoke`. @public */
export interface OwnerInputRevocation {
  comment?: string;
}

/** The filters of `GET /exemptions` and `GET /attestations`. @public */
export interface OwnerInputQuery {
  entity?: string;
  scorecard?: string;
  status?: OwnerInputStatus;
  /** Entities this owner (a group or user entity ref) owns. */
  owner?: string;
  /** Exemptions only: active ones ending within this many days. */
  expiringWithinDays?: number;
  limit?: number;
}

/** `GET /exemptions`, newest first. @public */
export interface ExemptionList {
  items: Exemption[];
}

/** `GET /attestations`, newest first. @public */
export interface AttestationList {
  items: Attestation[];
}

/**
 * An approved exemption as the engine applies it to one entity and
 * scorecard.
 *
 * @public
 */
export type AppliedExemption = Pick<
  Exemption,
  'id' | 'checks' | 'reason' | 'expiresAt' | 'requestedBy' | 'link'
> & { approvedBy: string };

/**
 * An active attestation as the engine applies it: it counts from
 * `attestedAt` (its request time) for the `maxAge` of the condition.
 *
 * @public
 */
export type AppliedAttestation = Pick<
  Attestation,
  'id' | 'attestation' | 'statement' | 'requestedBy' | 'link'
> & { attestedAt: string };

/**
 * The owners' input for one entity and scorecard, given to
 * `evaluateScorecard`.
 *
 * @public
 */
export interface OwnerInput {
  exemptions: AppliedExemption[];
  attestations: AppliedAttestation[];
}
