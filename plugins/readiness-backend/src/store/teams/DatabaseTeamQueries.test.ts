import { TestDatabases } from '@backstage/backend-test-utils';
import { createTestStores } from '../../__testUtils__/testStores';
import { SCORECARD, scoreAt } from '../../__testUtils__/storeFixtures';
import { CAMPAIGN_ENTITIES_TABLE, CampaignEntityRow } from '../tables';

jest.setTimeout(60_000);

const TEAM = 'group:default/team';
const SUB_TEAM = 'group:default/sub-team';
const OTHER = 'group:default/other';
const LEVELS = ['bronze', 'silver', 'gold'];

const ref = (name: string) => `component:default/${name}`;

/** A campaign row of a component, as the result writer keeps it. */
function campaignRow(
  campaign: string,
  name: string,
  owner: string,
  openChecks: string[],
  scorecard = SCORECARD,
): CampaignEntityRow {
  return {
    campaign_id: campaign,
    entity_ref: ref(name),
    scorecard_id: scorecard,
    owner_ref: owner,
    system_ref: null,
    domain_ref: null,
    level: null,
    level_if_enforced: null,
    met: openChecks.length === 0,
    open_checks: JSON.stringify(openChecks),
    met_at: null,
    regressed_at: null,
    updated_at: Date.parse('2026-11-20T00:00:00Z'),
  };
}

describe('DatabaseTeamQueries', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    "lists a team's lowest scores and open campaign items over its owners and the visible entities, %p",
    async databaseId => {
      const { stores, knex } = await createTestStores(databases, databaseId);
      const teams = stores.teams;
      const at = '2026-11-20T00:00:00.000Z';
      await scoreAt(stores.resultWriter, 'a', at, 90, 'gold', { owner: TEAM });
      await scoreAt(stores.resultWriter, 'b', at, 30, null, { owner: TEAM });
      await scoreAt(stores.resultWriter, 'c', at, 30, 'bronze', {
        owner: SUB_TEAM,
      });
      await scoreAt(stores.resultWriter, 'd', at, 10, null, { owner: OTHER });
      await knex(CAMPAIGN_ENTITIES_TABLE).insert([
        campaignRow('slo', 'a', TEAM, []),
        campaignRow('slo', 'b', TEAM, ['slos', 'alerting']),
        campaignRow('slo', 'c', SUB_TEAM, ['alerting']),
        campaignRow('slo', 'd', OTHER, ['slos', 'runbook']),
        campaignRow('docs', 'c', SUB_TEAM, ['readme']),
        // The rows of a campaign that moved to another scorecard never count.
        campaignRow('stale', 'b', TEAM, ['x'], 'api-quality'),
      ]);
      const scope = { scorecardId: SCORECARD, owners: [TEAM, SUB_TEAM] };

      await expect(teams.lowestScored(scope, 2)).resolves.toEqual([
        { entityRef: ref('b'), owner: TEAM, level: null, score: 30 },
        { entityRef: ref('c'), owner: SUB_TEAM, level: 'bronze', score: 30 },
      ]);
      const visible = new Set([ref('a'), ref('c')]);
      await expect(
        teams.lowestScored({ ...scope, visible }, 100),
      ).resolves.toEqual([
        expect.objectContaining({ entityRef: ref('c') }),
        expect.objectContaining({ entityRef: ref('a'), score: 90 }),
      ]);

      const limits = { campaigns: 20, entities: 5, checks: 10 };
      const open = await teams.openCampaignItems(
        scope,
        ['slo', 'docs', 'stale', 'none'],
        limits,
      );
      expect(Object.fromEntries(open)).toEqual({
        slo: {
          open: 2,
          entities: [ref('b'), ref('c')],
          checks: ['alerting', 'slos'],
        },
        docs: { open: 1, entities: [ref('c')], checks: ['readme'] },
      });
      const openVisible = await teams.openCampaignItems(
        { ...scope, visible: new Set([ref('b')]) },
        ['slo', 'docs'],
        { campaigns: 20, entities: 1, checks: 1 },
      );
      expect(Object.fromEntries(openVisible)).toEqual({
        slo: { open: 1, entities: [ref('b')], checks: ['alerting'] },
      });
      // Only the first campaigns with open entities, in the order asked.
      const first = await teams.openCampaignItems(
        scope,
        ['none', 'docs', 'stale', 'slo'],
        { ...limits, campaigns: 1 },
      );
      expect([...first.keys()]).toEqual(['docs']);
      await expect(
        teams.openCampaignItems({ ...scope, owners: [] }, ['slo'], limits),
      ).resolves.toEqual(new Map());
    },
  );

  it.each(databases.eachSupportedId())(
    "lists the level drops of a team's entities since a time, newest first, %p",
    async databaseId => {
      const { stores } = await createTestStores(databases, databaseId);
      const score = (
        name: string,
        day: string,
        level: string | null,
        owner = TEAM,
      ) =>
        scoreAt(stores.resultWriter, name, `${day}T10:00:00.000Z`, 50, level, {
          owner,
        });
      // Dropped within the week, twice for "a".
      await score('a', '2026-11-01', 'gold');
      await score('a', '2026-11-19', 'silver');
      await score('a', '2026-11-21', 'bronze');
      // To no level at all.
      await score('b', '2026-11-01', 'silver', SUB_TEAM);
      await score('b', '2026-11-20', null, SUB_TEAM);
      // A rise, and a drop before the week.
      await score('c', '2026-11-01', 'bronze');
      await score('c', '2026-11-20', 'gold');
      await score('d', '2026-11-01', 'gold');
      await score('d', '2026-11-10', 'bronze');
      // Another team's drop.
      await score('e', '2026-11-01', 'gold', OTHER);
      await score('e', '2026-11-20', 'bronze', OTHER);
      const since = new Date('2026-11-18T00:00:00Z');
      const scope = { scorecardId: SCORECARD, owners: [TEAM, SUB_TEAM] };

      const drops = await stores.teams.levelDrops(scope, LEVELS, since, 50);
      expect(drops).toEqual([
        {
          entityRef: ref('a'),
          scorecard: SCORECARD,
          changedAt: '2026-11-21T10:00:00.000Z',
          levelBefore: 'silver',
          levelAfter: 'bronze',
          cause: expect.any(String),
        },
        expect.objectContaining({
          entityRef: ref('b'),
          levelBefore: 'silver',
          levelAfter: null,
        }),
        expect.objectContaining({
          entityRef: ref('a'),
          changedAt: '2026-11-19T10:00:00.000Z',
          levelBefore: 'gold',
          levelAfter: 'silver',
        }),
      ]);
      await expect(
        stores.teams.levelDrops(scope, LEVELS, since, 1),
      ).resolves.toEqual([drops[0]]);
      await expect(
        stores.teams.levelDrops(
          { ...scope, visible: new Set([ref('b'), ref('e')]) },
          LEVELS,
          since,
          50,
        ),
      ).resolves.toEqual([drops[1]]);
      await expect(
        stores.teams.levelDrops(scope, [], since, 50),
      ).resolves.toEqual([]);
    },
  );
});
