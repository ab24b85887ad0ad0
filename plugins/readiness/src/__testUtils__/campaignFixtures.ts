import type {
  CampaignDetails,
  CampaignEntity,
  CampaignSummary,
} from '@readiness/plugin-readiness-common';

export function campaignSummary(
  fields: Partial<CampaignSummary> = {},
): CampaignSummary {
  return {
    id: 'tls-everywhere',
    title: 'TLS everywhere',
    description: 'Every service serves **TLS** only.',
    owner: 'group:default/team-security',
    scorecard: 'production-readiness',
    goal: { checks: ['tls', 'on-call'] },
    startsAt: '2027-03-01',
    dueAt: '2027-03-31',
    phase: 'running',
    daysLeft: 12,
    targeted: 10,
    met: 7,
    share: 0.7,
    regressed: 1,
    source: 'campaigns/tls.yaml',
    ...fields,
  };
}

export function campaignEntity(
  name: string,
  fields: Partial<CampaignEntity> = {},
): CampaignEntity {
  return {
    entityRef: `component:default/${name}`,
    owner: 'group:default/team-a',
    system: 'system:default/shop',
    domain: null,
    level: 'bronze',
    met: false,
    openChecks: ['tls'],
    ...fields,
  };
}

export function campaignDetails(
  fields: Partial<CampaignDetails> = {},
): CampaignDetails {
  const campaign = campaignSummary();
  return {
    campaign,
    definition: {
      id: campaign.id,
      title: campaign.title,
      description: campaign.description,
      owner: campaign.owner,
      scorecard: campaign.scorecard,
      goal: campaign.goal,
      startsAt: campaign.startsAt,
      dueAt: campaign.dueAt,
      reminderDays: [14, 7, 1],
      onComplete: { promote: true },
    },
    byOwner: [
      { group: 'group:default/team-a', targeted: 4, met: 1, share: 0.25 },
      { group: null, targeted: 1, met: 0, share: 0 },
      { group: 'group:default/team-b', targeted: 5, met: 5, share: 1 },
    ],
    bySystem: [
      { group: 'system:default/shop', targeted: 10, met: 7, share: 0.7 },
    ],
    byDomain: [{ group: null, targeted: 10, met: 7, share: 0.7 }],
    burnUp: [
      { day: '2027-03-01', targeted: 10, met: 2 },
      { day: '2027-03-10', targeted: 10, met: 5 },
      { day: '2027-03-19', targeted: 10, met: 7 },
    ],
    projectedCompletion: '2027-03-28',
    entities: {
      items: [campaignEntity('payments'), campaignEntity('search')],
      total: 3,
      nextCursor: 'c2VhcmNo',
    },
    ...fields,
  };
}
