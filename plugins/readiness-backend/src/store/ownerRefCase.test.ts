import { TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  CAMPAIGN_KEY,
  seedCampaignEntities,
  TEAM_A,
} from '../__testUtils__/campaignFixtures';
import { scoreAt, SCORECARD } from '../__testUtils__/storeFixtures';
import { createTestStores } from '../__testUtils__/testStores';
import { entityAttributes } from '../evaluation/entityAttributes';
import { GroupForest } from '../teams/GroupHierarchy';

jest.setTimeout(60_000);

/** A component whose `spec.owner` is spelled `owner`. */
const component = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name },
  spec: { owner },
});

const group = (name: string, children: string[] = []) => ({
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  relations: children.map(child => ({
    type: 'parentOf',
    targetRef: `group:default/${child}`,
  })),
});

describe('owner refs', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'match whatever case the entity, the catalog or the caller spells them in, %p',
    async databaseId => {
      const { stores, knex } = await createTestStores(databases, databaseId);
      // The entities spell their owners otherwise than the groups are named.
      const entities = [
        component('checkout', 'Team-A'),
        component('search', 'group:default/team-b'),
        component('billing', 'Group:Default/TEAM-B'),
      ];
      for (const [index, entity] of entities.entries()) {
        await scoreAt(
          stores.resultWriter,
          entity.metadata.name,
          '2027-01-10T08:00:00.000Z',
          40 + index * 10,
          null,
          entityAttributes(entity, {}),
        );
      }
      const forest = new GroupForest([
        group('team-a', ['Team-B']),
        group('Team-B'),
      ]);
      const teamA = forest.find('group:default/team-a')!;
      const teamB = forest.find('group:default/team-b')!;

      // A team view: the team and the team under it.
      const owners = forest.subtree(teamA).groups;
      const lowest = await stores.teams.lowestScored(
        { scorecardId: SCORECARD, owners },
        10,
      );
      expect(lowest.map(member => member.entityRef)).toEqual([
        'component:default/checkout',
        'component:default/search',
        'component:default/billing',
      ]);

      // A leaderboard rolled up by owner.
      const standings = await stores.leaderboard.getLeaderboard({
        scorecardId: SCORECARD,
        groupBy: 'owner',
        filter: {},
        rollup: forest.rollup(),
      });
      expect(
        Object.fromEntries(standings.map(s => [s.group, s.entities])),
      ).toEqual({ [teamA]: 3, [teamB]: 2 });

      // A caller's filter, spelled otherwise again.
      const listed = await stores.resultList.listResults(
        { scorecardId: SCORECARD, owner: 'Group:Default/Team-B' },
        { limit: 10 },
      );
      expect(listed.map(r => r.entityRef)).toEqual([
        'component:default/search',
        'component:default/billing',
      ]);
      await seedCampaignEntities(knex, [{ name: 'checkout', met: false }]);
      const page = await stores.campaigns.listEntities(
        CAMPAIGN_KEY,
        { status: 'all', owner: TEAM_A.toUpperCase() },
        { limit: 10 },
        undefined,
      );
      expect(page.items.map(item => item.entityRef)).toEqual([
        'component:default/checkout',
      ]);
    },
  );
});
