import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
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
import { CampaignEntityQuery, ReadinessApi } from './ReadinessApi';

/** Query parameters; those that are `undefined` are left out. */
type Query = Record<string, string | number | boolean | undefined>;

/**
 * Talks to the readiness backend over HTTP.
 *
 * @public
 */
export class ReadinessClient implements ReadinessApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getEntityReadiness(
    entityRef: CompoundEntityRef | string,
  ): Promise<EntityReadiness> {
    return this.request(entityPath(entityRef));
  }

  async refreshEntityReadiness(
    entityRef: CompoundEntityRef | string,
  ): Promise<EntityReadiness> {
    return this.request(`${entityPath(entityRef)}/refresh`, undefined, {
      method: 'POST',
    });
  }

  async getEntityHistory(
    entityRef: CompoundEntityRef | string,
    options?: { limit?: number },
  ): Promise<EntityReadinessHistory> {
    return this.request(`${entityPath(entityRef)}/history`, {
      limit: options?.limit,
    });
  }

  async getScorecards(): Promise<ScorecardList> {
    return this.request('/scorecards');
  }

  async getScorecard(id: string): Promise<ScorecardDetails> {
    return this.request(`/scorecards/${encodeURIComponent(id)}`);
  }

  async getLeaderboard(query: LeaderboardQuery): Promise<Leaderboard> {
    return this.request('/leaderboard', { ...query });
  }

  async getTeamReadiness(
    groupRef: CompoundEntityRef | string,
    scorecard: string,
  ): Promise<TeamReadiness> {
    const { namespace, name } =
      typeof groupRef === 'string'
        ? parseEntityRef(groupRef, { defaultKind: 'group' })
        : groupRef;
    return this.request(
      `/groups/${[namespace, name].map(encodeURIComponent).join('/')}`,
      { scorecard },
    );
  }

  async listResults(query: ResultQuery): Promise<ResultList> {
    return this.request('/results', { ...query });
  }

  async requestExemption(request: ExemptionRequest): Promise<Exemption> {
    return this.post('/exemptions', request);
  }

  async listExemptions(query: OwnerInputQuery = {}): Promise<ExemptionList> {
    return this.request('/exemptions', { ...query });
  }

  async getExemption(id: string): Promise<Exemption> {
    return this.request(`/exemptions/${encodeURIComponent(id)}`);
  }

  async decideExemption(
    id: string,
    decision: OwnerInputDecision,
  ): Promise<Exemption> {
    return this.post(
      `/exemptions/${encodeURIComponent(id)}/decision`,
      decision,
    );
  }

  async revokeExemption(
    id: string,
    revocation: OwnerInputRevocation = {},
  ): Promise<Exemption> {
    return this.post(
      `/exemptions/${encodeURIComponent(id)}/revoke`,
      revocation,
    );
  }

  async attest(request: AttestationRequest): Promise<Attestation> {
    return this.post('/attestations', request);
  }

  async listAttestations(
    query: OwnerInputQuery = {},
  ): Promise<AttestationList> {
    return this.request('/attestations', { ...query });
  }

  async getAttestation(id: string): Promise<Attestation> {
    return this.request(`/attestations/${encodeURIComponent(id)}`);
  }

  async decideAttestation(
    id: string,
    decision: OwnerInputDecision,
  ): Promise<Attestation> {
    return this.post(
      `/attestations/${encodeURIComponent(id)}/decision`,
      decision,
    );
  }

  async revokeAttestation(
    id: string,
    revocation: OwnerInputRevocation = {},
  ): Promise<Attestation> {
    return this.post(
      `/attestations/${encodeURIComponent(id)}/revoke`,
      revocation,
    );
  }

  async getCampaigns(): Promise<CampaignList> {
    return this.request('/campaigns');
  }

  async getCampaign(
    name: string,
    query: CampaignEntityQuery = {},
  ): Promise<CampaignDetails> {
    return this.request(`/campaigns/${encodeURIComponent(name)}`, {
      ...query,
    });
  }

  async getEntityCampaigns(
    entityRef: CompoundEntityRef | string,
  ): Promise<EntityCampaigns> {
    return this.request(`${entityPath(entityRef)}/campaigns`);
  }

  async createBadge(
    entityRef: CompoundEntityRef | string,
    scorecardId: string,
  ): Promise<ReadinessBadge> {
    return this.post('/badges', {
      entityRef:
        typeof entityRef === 'string'
          ? entityRef
          : stringifyEntityRef(entityRef),
      scorecard: scorecardId,
    });
  }

  async revokeBadge(id: string): Promise<void> {
    await this.request(`/badges/${encodeURIComponent(id)}`, undefined, {
      method: 'DELETE',
    });
  }

  private post<T>(path: string, body: unknown): Promise<T> {
    return this.request(path, undefined, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  private async request<T>(
    path: string,
    query?: Query,
    init?: RequestInit,
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('readiness');
    const response = await this.fetchApi.fetch(
      `${baseUrl}${path}${queryString(query)}`,
      init,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    // 204 No Content has no body to parse.
    return response.status === 204 ? (undefined as T) : response.json();
  }
}

function entityPath(entityRef: CompoundEntityRef | string): string {
  const { kind, namespace, name } =
    typeof entityRef === 'string' ? parseEntityRef(entityRef) : entityRef;
  return `/entities/${[kind, namespace, name]
    .map(encodeURIComponent)
    .join('/')}`;
}

function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) {
      params.append(name, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
