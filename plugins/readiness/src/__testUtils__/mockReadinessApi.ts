import { ReadinessApi } from '../api';

/**
 * A readiness API whose methods are Jest mocks: those given, and others that
 * reject, so that a test notices a call it did not expect.
 */
export function mockReadinessApi(
  methods: Partial<ReadinessApi> = {},
): jest.Mocked<ReadinessApi> {
  const unexpected = (name: string) =>
    jest.fn(async () => {
      throw new Error(`Unexpected call of ReadinessApi.${name}`);
    });
  return {
    getEntityReadiness: jest.fn(
      methods.getEntityReadiness ?? unexpected('getEntityReadiness'),
    ),
    refreshEntityReadiness: jest.fn(
      methods.refreshEntityReadiness ?? unexpected('refreshEntityReadiness'),
    ),
    getEntityHistory: jest.fn(
      methods.getEntityHistory ?? unexpected('getEntityHistory'),
    ),
    getScorecards: jest.fn(
      methods.getScorecards ?? unexpected('getScorecards'),
    ),
    getScorecard: jest.fn(methods.getScorecard ?? unexpected('getScorecard')),
    getLeaderboard: jest.fn(
      methods.getLeaderboard ?? unexpected('getLeaderboard'),
    ),
    getTeamReadiness: jest.fn(
      methods.getTeamReadiness ?? unexpected('getTeamReadiness'),
    ),
    listResults: jest.fn(methods.listResults ?? unexpected('listResults')),
    requestExemption: jest.fn(
      methods.requestExemption ?? unexpected('requestExemption'),
    ),
    listExemptions: jest.fn(
      methods.listExemptions ?? unexpected('listExemptions'),
    ),
    getExemption: jest.fn(methods.getExemption ?? unexpected('getExemption')),
    decideExemption: jest.fn(
      methods.decideExemption ?? unexpected('decideExemption'),
    ),
    revokeExemption: jest.fn(
      methods.revokeExemption ?? unexpected('revokeExemption'),
    ),
    attest: jest.fn(methods.attest ?? unexpected('attest')),
    listAttestations: jest.fn(
      methods.listAttestations ?? unexpected('listAttestations'),
    ),
    getAttestation: jest.fn(
      methods.getAttestation ?? unexpected('getAttestation'),
    ),
    decideAttestation: jest.fn(
      methods.decideAttestation ?? unexpected('decideAttestation'),
    ),
    revokeAttestation: jest.fn(
      methods.revokeAttestation ?? unexpected('revokeAttestation'),
    ),
    getCampaigns: jest.fn(methods.getCampaigns ?? unexpected('getCampaigns')),
    getCampaign: jest.fn(methods.getCampaign ?? unexpected('getCampaign')),
    getEntityCampaigns: jest.fn(
      methods.getEntityCampaigns ?? unexpected('getEntityCampaigns'),
    ),
    createBadge: jest.fn(methods.createBadge ?? unexpected('createBadge')),
    revokeBadge: jest.fn(methods.revokeBadge ?? unexpected('revokeBadge')),
  } as jest.Mocked<ReadinessApi>;
}

/** A promise that never settles: the loading state. */
export const pending = () => new Promise<never>(() => {});
