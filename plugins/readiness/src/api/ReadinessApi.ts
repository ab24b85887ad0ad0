import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import type {
  Attestation,
  AttestationList,
  AttestationRequest,
  CampaignDetails,
  CampaignList,
  EntityCampaigns,
  EntityReadiness,
  Exemption,
  ExemptionList,
  ExemptionRequest,
  OwnerInputDecision,
  OwnerInputQuery,
  OwnerInputRevocation,
  EntityReadinessHistory,
  Leaderboard,
  LeaderboardQuery,
  ReadinessBadge,
  ResultList,
  ResultQuery,
  ScorecardDetails,
  ScorecardList,
  TeamReadiness,
} from '@readiness/plugin-readiness-common';

/**
 * Which of a campaign's entities `getCampaign` pages through: those that do
 * not meet the goal (`open`, the default), those that do, those that met it
 * and no longer do, or all; of one owner (an entity ref, or `NO_GROUP`).
 *
 * @public
 */
export interface CampaignEntityQuery {
  status?: 'open' | 'met' | 'regressed' | 'all';
  owner?: string;
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

/**
 * Reads readiness scorecard results from the readiness backend. Every method
 * rejects with a `ResponseError` when the backend answers with an error, for
 * example 404 for an entity or scorecard that is unknown or not visible to
 * the current user.
 *
 * @public
 */
export interface ReadinessApi {
  /** The latest scorecard results for an entity. */
  getEntityReadiness(
    entityRef: CompoundEntityRef | string,
  ): Promise<EntityReadiness>;

  /**
   * Re-evaluates the entity now and returns the fresh results. Needs the
   * `readiness.entity.refresh` permission for the entity (403 without).
   */
  refreshEntityReadiness(
    entityRef: CompoundEntityRef | string,
  ): Promise<EntityReadiness>;

  /** The entity's changes of level and check status, newest first. */
  getEntityHistory(
    entityRef: CompoundEntityRef | string,
    options?: { limit?: number },
  ): Promise<EntityReadinessHistory>;

  /** The scorecards in force, with how the entities stand on each. */
  getScorecards(): Promise<ScorecardList>;

  /** One scorecard: its definition and how the entities fare on each check. */
  getScorecard(id: string): Promise<ScorecardDetails>;

  /**
   * Owners, systems or domains ranked on a scorecard; by owner with
   * `rollup`, each group's figures include the groups under it.
   */
  getLeaderboard(query: LeaderboardQuery): Promise<Leaderboard>;

  /**
   * A team's readiness on a scorecard: the entities of the group and of the
   * groups under it, their levels, trend, due campaign items and recent
   * level drops. 404 for a group the user may not read.
   */
  getTeamReadiness(
    groupRef: CompoundEntityRef | string,
    scorecard: string,
  ): Promise<TeamReadiness>;

  /**
   * Entities' standing on a scorecard, lowest score first. A page may hold
   * fewer than `limit` entities and still have a `nextCursor`: ask again
   * with it.
   */
  listResults(query: ResultQuery): Promise<ResultList>;

  /**
   * Requests an exemption from checks of one scorecard for an entity; it is
   * `pending` until an approver decides. 400 names the field at fault.
   */
  requestExemption(request: ExemptionRequest): Promise<Exemption>;

  /** Exemptions the user may see, newest first. */
  listExemptions(query?: OwnerInputQuery): Promise<ExemptionList>;

  getExemption(id: string): Promise<Exemption>;

  /** Approves or rejects a pending exemption (409 when no longer pending). */
  decideExemption(id: string, decision: OwnerInputDecision): Promise<Exemption>;

  /** Ends a pending or active exemption now. */
  revokeExemption(
    id: string,
    revocation?: OwnerInputRevocation,
  ): Promise<Exemption>;

  /** Attests a practice for an entity, for checks that accept it. */
  attest(request: AttestationRequest): Promise<Attestation>;

  /** Attestations the user may see, newest first. */
  listAttestations(query?: OwnerInputQuery): Promise<AttestationList>;

  getAttestation(id: string): Promise<Attestation>;

  /** Confirms or rejects a pending attestation. */
  decideAttestation(
    id: string,
    decision: OwnerInputDecision,
  ): Promise<Attestation>;

  revokeAttestation(
    id: string,
    revocation?: OwnerInputRevocation,
  ): Promise<Attestation>;

  /** The campaigns, with their progress over the entities the user may see. */
  getCampaigns(): Promise<CampaignList>;

  /** One campaign in full, with a page of its entities that `query` chooses. */
  getCampaign(
    name: string,
    query?: CampaignEntityQuery,
  ): Promise<CampaignDetails>;

  /** The campaigns that target the entity, soonest due first. */
  getEntityCampaigns(
    entityRef: CompoundEntityRef | string,
  ): Promise<EntityCampaigns>;

  /**
   * The entity's public badge on a scorecard: its id, the URL of its SVG
   * (served without a session) and a Markdown snippet; the same for the
   * same entity and scorecard. 409 while `readiness.badges.public` is off.
   */
  createBadge(
    entityRef: CompoundEntityRef | string,
    scorecardId: string,
  ): Promise<ReadinessBadge>;

  /**
   * Revokes a public badge by its id: its address stops serving and the
   * next `createBadge` of its entity and scorecard makes a new one. 403
   * without `readiness.badge.revoke` on the entity; 404 for an unknown id.
   */
  revokeBadge(id: string): Promise<void>;
}

/**
 * The API reference for {@link ReadinessApi}.
 *
 * @public
 */
export const readinessApiRef = createApiRef<ReadinessApi>({
  id: 'plugin.readiness.service',
});
