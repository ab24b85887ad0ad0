import type { CampaignItem } from './campaigns';
import type {
  CheckAdvisory,
  CheckDefinition,
  CheckStatus,
  FactValue,
  LevelDefinition,
} from './types';

/**
 * A fact that a check's decision rested on.
 *
 * @public
 */
export interface Evidence {
  fact: string;
  key?: string;
  /** `null` when the fact was observed but holds no value for the key. */
  value: FactValue;
  source: string;
  observedAt: string;
}

/**
 * What a decided check rests on: `verified` when a collector observed it
 * (repository, integrations), `declared` when only the catalog says so,
 * `attested` when the owners attested it.
 *
 * @public
 */
export type EvidenceBasis = 'verified' | 'declared' | 'attested';

/**
 * Why a check is `waived`: a waiver of the scorecard file, or an exemption
 * an owner requested and an approver approved.
 *
 * @public
 */
export type CheckWaiver =
  | { source: 'scorecard'; reason: string; expires?: string }
  | {
      source: 'exemption';
      exemptionId: string;
      reason: string;
      /** YYYY-MM-DD, the last (UTC) day it applies. */
      expiresAt: string;
      requestedBy: string;
      approvedBy: string;
      link?: string;
    };

/**
 * One check decided for one entity: the check as defined, with its status.
 *
 * @public
 */
export interface CheckResult
  extends Pick<
    CheckDefinition,
    | 'id'
    | 'title'
    | 'description'
    | 'category'
    | 'level'
    | 'weight'
    | 'remediation'
    | 'severity'
  > {
  status: CheckStatus;
  /** Why the check is not a pass, in words a service owner understands. */
  reason?: string;
  evidence: Evidence[];
  /** For a pass or a fail: what the deciding evidence rests on. */
  basis?: EvidenceBasis;
  /** For a `waived` check: what waives it. */
  waiver?: CheckWaiver;
  /**
   * Set while the check is advisory: its status is reported but neither
   * scored nor blocking a level.
   */
  advisory?: CheckAdvisory;
}

/** @public */
export interface CategoryScore {
  id: string;
  title: string;
  /** 0 to 100, or `null` when no check of the category applies. */
  score: number | null;
}

/** @public */
export type StatusCounts = Record<CheckStatus, number>;

/**
 * One scorecard evaluated for one entity.
 *
 * @public
 */
export interface ScorecardResult {
  scorecard: {
    id: string;
    title: string;
    description: string;
    levels: LevelDefinition[];
  };
  entityRef: string;
  /** 0 to 100: the weighted share of applicable checks that pass. */
  score: number;
  /** The highest level reached, or `null` below the first level. */
  level: string | null;
  /** The level to work on next, or `null` at the top. */
  nextLevel: string | null;
  categories: CategoryScore[];
  /** Per status, the checks that count (advisory ones are left out). */
  counts: StatusCounts;
  /** Advisory checks that fail or are unknown: warnings, not counted. */
  advisoryFailing?: number;
  checks: CheckResult[];
  /**
   * The campaigns of this scorecard that target the entity, and where the
   * entity stands in each; absent when none does.
   */
  campaigns?: CampaignItem[];
  evaluatedAt: string;
}

/**
 * The body of `GET /api/readiness/entities/{kind}/{namespace}/{name}`.
 *
 * @public
 */
export interface EntityReadiness {
  entityRef: string;
  scorecards: ScorecardResult[];
}
