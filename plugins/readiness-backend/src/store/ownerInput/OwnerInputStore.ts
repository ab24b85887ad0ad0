import {
  OwnerInputEvent,
  OwnerInputStatus,
} from '@readiness/plugin-readiness-common';

/** Exemptions and attestations share one workflow and one store. @public */
export type OwnerInputKind = 'exemption' | 'attestation';

/**
 * One exemption or attestation as stored. `subjects` are the check ids of
 * an exemption, or the one attestation id of an attestation; `text` is the
 * reason or the statement.
 *
 * @public
 */
export interface StoredOwnerInput {
  id: string;
  kind: OwnerInputKind;
  entityRef: string;
  scorecardId: string;
  subjects: string[];
  text: string;
  link: string | null;
  /** YYYY-MM-DD, exemptions only. */
  expiresAt: string | null;
  status: OwnerInputStatus;
  requestedBy: string;
  requestedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionComment: string | null;
  closedBy: string | null;
  closedAt: Date | null;
  closeComment: string | null;
  /** Oldest first. */
  events: OwnerInputEvent[];
}

/** What a request stores. @public */
export interface NewOwnerInput {
  kind: OwnerInputKind;
  entityRef: string;
  scorecardId: string;
  subjects: string[];
  text: string;
  link?: string;
  expiresAt?: string;
  requestedBy: string;
  requestedAt: Date;
  /** `active` for an attestation that needs no confirmation. */
  status: 'pending' | 'active';
}

/** An approver's decision on a pending request. @public */
export interface OwnerInputDecisionToStore {
  approve: boolean;
  by: string;
  at: Date;
  comment: string;
  /** A shorter end date for an approved exemption. */
  expiresAt?: string;
}

/** A revocation, or an expiry (`by: null`). @public */
export interface OwnerInputClosing {
  by: string | null;
  at: Date;
  comment?: string;
}

/** The filters of a list; every one given must hold. @public */
export interface OwnerInputFilter {
  kind: OwnerInputKind;
  entityRef?: string;
  scorecardId?: string;
  status?: OwnerInputStatus;
  /** Only entities whose latest result names this owner. */
  ownerRef?: string;
  /** Only active ones whose end date is this day (YYYY-MM-DD) or earlier. */
  expiringBy?: string;
  /** Only these entities (those the caller may read); all when undefined. */
  visible?: ReadonlySet<string>;
  limit: number;
}

/**
 * Thrown by `create` when a subject (a check, an attestation) of the same
 * entity and scorecard already has a pending request: names the subject.
 *
 * @public
 */
export class PendingRequestExistsError extends Error {
  constructor(readonly subject: string, readonly pendingId: string) {
    super(`"${subject}" already has a pending request (${pendingId})`);
    this.name = 'PendingRequestExistsError';
  }
}

/**
 * Where exemptions and attestations and every step of their workflow are
 * kept. Each transition is one conditional write, so two approvers deciding
 * at once record exactly one decision.
 *
 * @public
 */
export interface OwnerInputStore {
  /**
   * Stores a request with its `requested` event. Throws
   * PendingRequestExistsError when a subject already has a pending one,
   * also when two requests race.
   */
  create(input: NewOwnerInput): Promise<StoredOwnerInput>;

  get(kind: OwnerInputKind, id: string): Promise<StoredOwnerInput | undefined>;

  /** Newest first, at most `limit`. */
  list(filter: OwnerInputFilter): Promise<StoredOwnerInput[]>;

  /**
   * Active inputs of one entity, for the engine; all scorecards. With
   * `expiredSince` (YYYY-MM-DD), also exemptions that expired with an end
   * date on or after it, so that the checks they covered say so.
   */
  activeFor(
    entityRef: string,
    options?: { expiredSince?: string },
  ): Promise<StoredOwnerInput[]>;

  /**
   * Approves or rejects a pending request, with its event. `undefined`
   * when it is not (or no longer) pending: nothing is written.
   */
  decide(
    kind: OwnerInputKind,
    id: string,
    decision: OwnerInputDecisionToStore,
  ): Promise<StoredOwnerInput | undefined>;

  /**
   * Revokes a pending or active one, with its event. `undefined` when it is
   * neither: nothing is written.
   */
  revoke(
    kind: OwnerInputKind,
    id: string,
    closing: OwnerInputClosing,
  ): Promise<StoredOwnerInput | undefined>;

  /**
   * Marks active and pending exemptions whose end date is before `today`
   * (YYYY-MM-DD) as expired, each with an `expired` event, and returns them.
   */
  expireExemptions(today: string, at: Date): Promise<StoredOwnerInput[]>;
}
