import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CampaignDefinition } from '@readiness/plugin-readiness-common';
import { ScorecardRegistry } from '../scorecards/ScorecardRegistry';
import { SCORECARD, scoreAt } from '../__testUtils__/storeFixtures';
import { createTestStores } from '../__testUtils__/testStores';
import { CAMPAIGN_ENTITIES_TABLE } from '../store/tables';
import { GroupHierarchy } from './GroupHierarchy';
import { TeamReadinessService } from './TeamReadinessService';

jest.setTimeout(60_000);

const TEAM = 'group:default/team';
const NOW = new Date('2026-11-25T12:00:00Z');

function campaign(
  id: string,
  startsAt: string,
  dueAt: string,
): CampaignDefinition {
  return {
    id,
    title: `Campaign ${id}`,
    scorecard: SCORECARD,
    goal: { checks: ['slos'] },
    startsAt,
    dueAt,
    reminderDays: [14, 7, 1],
  };
}

const CAMPAIGNS = [
  campaign('later', '2026-11-01', '2026-12-31'),
  campaign('soon', '2026-11-01', '2026-11-30'),
  campaign('overdue', '2026-10-01', '2026-11-01'),
  // Not started: nothing is due yet.
  campaign('future', '2026-12-01', '2027-01-31'),
  // Every entity of the team meets it.
  campaign('done', '2026-11-01', '2026-12-01'),
];

describe('TeamReadinessService', () => {
  const databases = TestDatabases.create();

  async function createService() {
    const { stores, knex } = await createTestStores(databases);
    const registry = {
      find: () => ({
        scorecard: { levels: [{ id: 'bronze' }, { id: 'gold' }] },
      }),
      campaignsOf: () => CAMPAIGNS,
    } as unknown as ScorecardRegistry;
    const service = new TeamReadinessService({
      registry,
      leaderboard: stores.leaderboard,
      teams: stores.teams,
      hierarchy: new GroupHierarchy(
        catalogServiceMock({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Group',
              metadata: { name: 'team', namespace: 'default' },
              spec: { type: 'team', children: [] },
            },
          ],
        }),
      ),
      visibility: { visibleEntityRefs: async () => undefined },
      now: () => NOW,
    });
    return { stores, knex, service };
  }

  it("gives the team's standing, trend, weakest entities, due campaigns and drops", async () => {
    const { stores, knex, service } = await createService();
    const team = { owner: TEAM };
    await scoreAt(
      stores.resultWriter,
      'a',
      '2026-10-01T00:00:00Z',
      40,
      null,
      team,
    );
    await scoreAt(
      stores.resultWriter,
      'a',
      '2026-11-24T00:00:00Z',
      100,
      'gold',
      team,
    );
    await scoreAt(
      stores.resultWriter,
      'b',
      '2026-11-01T00:00:00Z',
      90,
      'gold',
      team,
    );
    await scoreAt(
      stores.resultWriter,
      'b',
      '2026-11-22T00:00:00Z',
      60,
      'bronze',
      team,
    );
    const row = (campaignId: string, name: string, openChecks: string[]) => ({
      campaign_id: campaignId,
      entity_ref: `component:default/${name}`,
      scorecard_id: SCORECARD,
      owner_ref: TEAM,
      met: openChecks.length === 0,
      open_checks: JSON.stringify(openChecks),
      updated_at: NOW.getTime(),
    });
    await knex(CAMPAIGN_ENTITIES_TABLE).insert([
      row('later', 'a', ['slos']),
      row('later', 'b', ['slos']),
      row('soon', 'b', ['slos']),
      row('overdue', 'a', ['slos']),
      row('future', 'a', ['slos']),
      row('done', 'a', []),
    ]);

    const view = await service.get(
      { namespace: 'default', name: 'TEAM' },
      SCORECARD,
      mockCredentials.user(),
    );

    expect(view).toEqual({
      group: TEAM,
      scorecard: SCORECARD,
      groups: [TEAM],
      entities: 2,
      averageScore: 80,
      levelCounts: { gold: 1, bronze: 1 },
      waivedChecks: 0,
      // Only "a" was scored 30 days ago.
      trend: {
        since: '2026-10-26T12:00:00.000Z',
        averageScore: 40,
        change: 40,
      },
      members: [
        {
          entityRef: 'component:default/b',
          owner: TEAM,
          level: 'bronze',
          score: 60,
        },
        {
          entityRef: 'component:default/a',
          owner: TEAM,
          level: 'gold',
          score: 100,
        },
      ],
      due: [
        {
          campaign: 'overdue',
          title: 'Campaign overdue',
          dueAt: '2026-11-01',
          daysLeft: -24,
          open: 1,
          entities: ['component:default/a'],
          checks: ['slos'],
        },
        expect.objectContaining({ campaign: 'soon', daysLeft: 5, open: 1 }),
        expect.objectContaining({
          campaign: 'later',
          daysLeft: 36,
          open: 2,
          entities: ['component:default/a', 'component:default/b'],
        }),
      ],
      regressions: [
        {
          entityRef: 'component:default/b',
          scorecard: SCORECARD,
          changedAt: '2026-11-22T00:00:00.000Z',
          levelBefore: 'gold',
          levelAfter: 'bronze',
          cause: expect.any(String),
        },
      ],
    });
  });

  it('says so when it counted only the nearest groups, and stands at nothing without entities', async () => {
    const { service } = await createService();

    const view = await service.readinessOf(
      TEAM,
      { groups: [TEAM], truncated: true },
      SCORECARD,
      undefined,
    );

    expect(view).toEqual(
      expect.objectContaining({
        groupsTruncated: true,
        entities: 0,
        averageScore: null,
        levelCounts: {},
        trend: expect.objectContaining({ averageScore: null, change: null }),
        members: [],
        due: [],
        regressions: [],
      }),
    );
  });
});
