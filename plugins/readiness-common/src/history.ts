import type { CheckStatus } from './types';

/**
 * Why an entity's result for a scorecard changed: its first evaluation, a
 * change of the entity in the catalog, of the scorecard, of the facts
 * (an integration or the repository saw something new), or of the owners'
 * exemptions or attestations (approved, revoked, expired).
 *
 * @public
 */
export type ChangeCause =
  | 'first-evaluation'
  | 'entity'
  | 'scorecard'
  | 'facts'
  | 'exemption'
  | 'attestation'
  | 'campaign';

/** @public */
export interface CheckChange {
  check: string;
  /** `null` when the check did not exist (or did not apply) before. */
  before: CheckStatus | null;
  /** `null` when the check no longer exists. */
  after: CheckStatus | null;
}

/**
 * A change of level or of a check's status, as recorded in the history.
 *
 * @public
 */
export interface ReadinessChange {
  scorecard: string;
  changedAt: string;
  cause: ChangeCause;
  levelBefore: string | null;
  levelAfter: string | null;
  scoreBefore: number | null;
  scoreAfter: number;
  checks: CheckChange[];
  /**
   * For an exemption or attestation: which, and what happened to it; for a
   * campaign: which one enforced which checks.
   */
  note?: string;
}

/**
 * The body of `GET /api/readiness/entities/{kind}/{namespace}/{name}/history`.
 *
 * @public
 */
export interface EntityReadinessHistory {
  entityRef: string;
  /** Newest first. */
  changes: ReadinessChange[];
}
