import { TestDatabases } from '@backstage/backend-test-utils';
import {
  CAMPAIGN_KEY,
  componentRef,
  seedCampaignEntities,
  TEAM_A,
  TEAM_B,
} from '../../__testUtils__/campaignFixtures';
import { createTestStores } from '../../__testUtils__/testStores';
import { CAMPAIGN_MILESTONES_TABLE } from '../tables';

jest.setTimeout(60_000);

describe('DatabaseCampaignQueries tracking', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'records one burn-up point per day and reads a range, %p',
    async databaseId => {
      const { stores } = await createTestStores(databases, databaseId);
      const { campaigns } = stores;
      await campaigns.recordSnapshot('slo-everywhere', '2027-01-10', {
        targeted: 4,
        met: 0,
      });
      await campaigns.recordSnapshot('slo-everywhere', '2027-01-11', {
        targeted: 4,
        met: 1,
      });
      // A later run the same day replaces the day's point.
      await campaigns.recordSnapshot('slo-everywhere', '2027-01-11', {
        targeted: 4,
        met: 2,
      });
      await campaigns.recordSnapshot('slo-everywhere', '2027-01-12', {
        targeted: 5,
        met: 3,
      });
      await campaigns.recordSnapshot('other', '2027-01-11', {
        targeted: 9,
        met: 9,
      });
      expect(
        await campaigns.burnUp(
          CAMPAIGN_KEY,
          { from: '2027-01-11', to: '2027-01-12' },
          undefined,
        ),
      ).toEqual([
        { day: '2027-01-11', targeted: 4, met: 2 },
        { day: '2027-01-12', targeted: 5, met: 3 },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'counts the recorded days again over the entities a caller sees, %p',
    async databaseId => {
      const { knex, stores } = await createTestStores(databases, databaseId);
      const { campaigns } = stores;
      await seedCampaignEntities(knex, [
        // Met on the 11th and still met.
        { name: 'a', met: true, metAt: Date.UTC(2027, 0, 11, 9) },
        // Met on the 10th, regressed on the 12th.
        {
          name: 'b',
          met: false,
          metAt: Date.UTC(2027, 0, 10, 9),
          regressedAt: Date.UTC(2027, 0, 12, 9),
        },
        { name: 'c', met: false },
        { name: 'hidden', met: true, metAt: Date.UTC(2027, 0, 10) },
      ]);
      for (const day of ['2027-01-10', '2027-01-11', '2027-01-12']) {
        await campaigns.recordSnapshot('slo-everywhere', day, {
          targeted: 4,
          met: 3,
        });
      }
      expect(
        await campaigns.burnUp(
          CAMPAIGN_KEY,
          { from: '2027-01-10', to: '2027-01-12' },
          new Set([componentRef('a'), componentRef('b'), componentRef('c')]),
        ),
      ).toEqual([
        { day: '2027-01-10', targeted: 3, met: 1 },
        { day: '2027-01-11', targeted: 3, met: 2 },
        { day: '2027-01-12', targeted: 3, met: 1 },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'reaches a milestone once, and not at all when its transaction fails, %p',
    async databaseId => {
      const { knex, stores } = await createTestStores(databases, databaseId);
      const { campaigns } = stores;
      const at = new Date('2027-01-10T08:00:00Z');
      const written: string[] = [];
      const writeInTransaction = (text: string) => async (tx: typeof knex) => {
        await tx(CAMPAIGN_MILESTONES_TABLE).insert({
          campaign_id: 'side-effect',
          milestone: text,
          reached_at: at.getTime(),
        });
        written.push(text);
      };

      await expect(
        campaigns.reachMilestone(
          'slo-everywhere',
          'started',
          at,
          { progress: { targeted: 1, met: 0, share: 0 } },
          async tx => {
            await writeInTransaction('first')(tx);
            throw new Error('listener failed');
          },
        ),
      ).rejects.toThrow('listener failed');
      expect(await campaigns.reachedMilestones('slo-everywhere')).toEqual(
        new Set(),
      );
      expect(
        await knex(CAMPAIGN_MILESTONES_TABLE).where({
          campaign_id: 'side-effect',
        }),
      ).toEqual([]);

      expect(
        await campaigns.reachMilestone(
          'slo-everywhere',
          'started',
          at,
          { progress: { targeted: 1, met: 0, share: 0 } },
          writeInTransaction('second'),
        ),
      ).toBe(true);
      expect(
        await campaigns.reachMilestone(
          'slo-everywhere',
          'started',
          at,
          {},
          writeInTransaction('third'),
        ),
      ).toBe(false);
      expect(written).toEqual(['first', 'second']);
      expect(await campaigns.reachedMilestones('slo-everywhere')).toEqual(
        new Set(['started']),
      );
      const [row] = await knex(CAMPAIGN_MILESTONES_TABLE).where({
        campaign_id: 'slo-everywhere',
      });
      expect(Number(row.reached_at)).toBe(at.getTime());
      expect(JSON.parse(row.details)).toEqual({
        progress: { targeted: 1, met: 0, share: 0 },
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'gives each owner its open entities and most needed checks, %p',
    async databaseId => {
      const { knex, stores } = await createTestStores(databases, databaseId);
      await seedCampaignEntities(knex, [
        { name: 'a1', met: true },
        { name: 'a2', met: false, openChecks: ['slos', 'alerting'] },
        { name: 'a3', met: false, openChecks: ['alerting'] },
        ...Array.from({ length: 7 }, (_, i) => ({
          name: `b${i}`,
          met: false,
          owner: TEAM_B,
          openChecks: i < 2 ? ['runbook'] : ['slos'],
        })),
        { name: 'n1', met: true, owner: null },
        { name: 'other', met: false, campaignId: 'other' },
      ]);
      expect(await stores.campaigns.ownerStandings(CAMPAIGN_KEY)).toEqual([
        {
          owner: TEAM_B,
          targeted: 7,
          open: 7,
          openEntities: ['b0', 'b1', 'b2', 'b3', 'b4'].map(componentRef),
          openChecks: ['slos', 'runbook'],
        },
        {
          owner: TEAM_A,
          targeted: 3,
          open: 2,
          openEntities: [componentRef('a2'), componentRef('a3')],
          openChecks: ['alerting', 'slos'],
        },
        {
          owner: null,
          targeted: 1,
          open: 0,
          openEntities: [],
          openChecks: [],
        },
      ]);
    },
  );
});
