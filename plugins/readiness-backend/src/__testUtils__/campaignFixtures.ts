import { CampaignDefinition } from '@readiness/plugin-readiness-common';
import { Knex } from 'knex';
import { CAMPAIGN_ENTITIES_TABLE, CampaignEntityRow } from '../store/tables';

export const CAMPAIGN_SCORECARD = 'production-readiness';

/** The campaign of {@link campaign} on its scorecard, as queries take it. */
export const CAMPAIGN_KEY = {
  campaignId: 'slo-everywhere',
  scorecardId: CAMPAIGN_SCORECARD,
};

/** The owner of the seeded rows unless they say otherwise, and another. */
export const TEAM_A = 'group:default/team-a';
export const TEAM_B = 'group:default/team-b';

/** The entity ref of a seeded row's `name`. */
export const componentRef = (name: string) => `component:default/${name}`;

/** A campaign of the production readiness scorecard; fields overridable. */
export function campaign(
  overrides: Partial<CampaignDefinition> = {},
): CampaignDefinition {
  return {
    id: 'slo-everywhere',
    title: 'SLOs everywhere',
    scorecard: CAMPAIGN_SCORECARD,
    goal: { checks: ['has-owner'] },
    startsAt: '2027-01-10',
    dueAt: '2027-03-31',
    reminderDays: [14, 7, 1],
    ...overrides,
  };
}

/** What a seeded row says of one entity; the rest defaults. */
export interface SeededEntity {
  name: string;
  met: boolean;
  campaignId?: string;
  scorecardId?: string;
  owner?: string | null;
  system?: string | null;
  domain?: string | null;
  level?: string | null;
  levelIfEnforced?: string | null;
  openChecks?: string[];
  metAt?: number | null;
  regressedAt?: number | null;
}

export function campaignEntityRow(entity: SeededEntity): CampaignEntityRow {
  return {
    campaign_id: entity.campaignId ?? CAMPAIGN_KEY.campaignId,
    entity_ref: componentRef(entity.name),
    scorecard_id: entity.scorecardId ?? CAMPAIGN_KEY.scorecardId,
    owner_ref: entity.owner === undefined ? TEAM_A : entity.owner,
    system_ref: entity.system ?? null,
    domain_ref: entity.domain ?? null,
    level: entity.level ?? null,
    level_if_enforced: entity.levelIfEnforced ?? null,
    met: entity.met,
    open_checks: JSON.stringify(
      entity.openChecks ?? (entity.met ? [] : ['has-owner']),
    ),
    met_at: entity.metAt ?? (entity.met ? Date.UTC(2027, 0, 12) : null),
    regressed_at: entity.regressedAt ?? null,
    updated_at: Date.UTC(2027, 0, 12),
  };
}

/** Writes the rows the result writer would keep for these entities. */
export async function seedCampaignEntities(
  knex: Knex,
  entities: SeededEntity[],
): Promise<void> {
  for (let i = 0; i < entities.length; i += 200) {
    await knex(CAMPAIGN_ENTITIES_TABLE).insert(
      entities.slice(i, i + 200).map(campaignEntityRow),
    );
  }
}
