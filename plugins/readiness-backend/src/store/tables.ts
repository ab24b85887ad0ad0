import { ChangeCause, CheckStatus } from '@readiness/plugin-readiness-common';

export const RESULTS_TABLE = 'readiness_scorecard_results';
export const CHECKS_TABLE = 'readiness_check_results';
export const HISTORY_TABLE = 'readiness_history';
export const FACTS_TABLE = 'readiness_entity_facts';
export const ENTITIES_TABLE = 'readiness_evaluated_entities';
export const PUSHED_FACTS_TABLE = 'readiness_pushed_facts';
/** Also named in store/badges/DatabaseBadgeStore.ts. */
export const BADGES_TABLE = 'readiness_badges';

/** A row of the results table: one entity's result on one scorecard. */
export interface ResultRow {
  entity_ref: string;
  scorecard_id: string;
  scorecard_version: string | null;
  owner_ref: string | null;
  system_ref: string | null;
  domain_ref: string | null;
  entity_kind: string | null;
  entity_type: string | null;
  lifecycle: string | null;
  tags: string | null;
  score: number;
  level: string | null;
  /** Checks of the result that are waived. */
  waived_checks: number;
  result: string;
}

/** A row of the evaluated entities table. */
export interface EvaluatedEntityRow {
  entity_ref: string;
  entity_etag: string | null;
  evaluated_at: Date | string | number;
}

/** A row of the history table: one recorded change. */
export interface HistoryRow {
  entity_ref: string;
  scorecard_id: string;
  changed_at: Date | string | number;
  cause: ChangeCause;
  level_before: string | null;
  level_after: string | null;
  score_before: number | null;
  score_after: number;
  checks: string;
  /** For an exemption or attestation: which, and what happened. */
  note: string | null;
}

/** A row of the check results table: one check's status for an entity. */
export interface CheckRow {
  entity_ref: string;
  scorecard_id: string;
  check_id: string;
  status: CheckStatus;
}

export const CAMPAIGN_ENTITIES_TABLE = 'readiness_campaign_entities';
export const CAMPAIGN_SNAPSHOTS_TABLE = 'readiness_campaign_snapshots';
export const CAMPAIGN_MILESTONES_TABLE = 'readiness_campaign_milestones';
export const NOTIFICATION_OUTBOX_TABLE = 'readiness_notification_outbox';
export const NOTIFICATION_DIGESTS_TABLE = 'readiness_notification_digests';

/** A row of the campaign entities table: one targeted entity of a campaign. */
export interface CampaignEntityRow {
  campaign_id: string;
  entity_ref: string;
  scorecard_id: string;
  owner_ref: string | null;
  system_ref: string | null;
  domain_ref: string | null;
  level: string | null;
  level_if_enforced: string | null;
  met: boolean | number;
  /** JSON array of check ids. */
  open_checks: string;
  /** Milliseconds since the epoch (bigint: a string on PostgreSQL). */
  met_at: number | string | null;
  regressed_at: number | string | null;
  updated_at: number | string;
}
