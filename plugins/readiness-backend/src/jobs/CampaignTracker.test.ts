import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { CampaignDefinition } from '@readiness/plugin-readiness-common';
import {
  campaign,
  CAMPAIGN_SCORECARD,
  seedCampaignEntities,
} from '../__testUtils__/campaignFixtures';
import { createTestStores } from '../__testUtils__/testStores';
import {
  CampaignMilestone,
  CampaignMilestoneListener,
} from '../campaigns/campaignListeners';
import { CampaignQueries } from '../store/campaigns/CampaignQueries';
import { CAMPAIGN_MILESTONES_TABLE } from '../store/tables';
import { CampaignTracker, dueMilestones } from './CampaignTracker';

jest.setTimeout(60_000);

const SLO = campaign({ startsAt: '2027-01-10', dueAt: '2027-03-31' });
const OPEN = { targeted: 3, met: 1, regressed: 0 };
const ALL_MET = { targeted: 3, met: 3, regressed: 0 };

/** What a listener was told, in order: `<where>:<campaign>:<milestone>`. */
function recordingListener(told: string[]): CampaignMilestoneListener {
  return {
    async inTransaction(tx, milestone) {
      // Written with the milestone: it commits or rolls back with it.
      await tx(CAMPAIGN_MILESTONES_TABLE).insert({
        campaign_id: `told-${milestone.campaign.id}`,
        milestone: milestone.milestone,
        reached_at: milestone.reachedAt.getTime(),
      });
      told.push(`in:${milestone.campaign.id}:${milestone.milestone}`);
    },
    async afterCommit(milestone) {
      told.push(`after:${milestone.campaign.id}:${milestone.milestone}`);
    },
  };
}

function trackerOn(
  queries: CampaignQueries,
  campaigns: CampaignDefinition[],
  clock: { day: string },
) {
  const logger = mockServices.logger.mock();
  const tracker = new CampaignTracker({
    campaigns: () => campaigns,
    queries,
    logger,
    now: () => new Date(`${clock.day}T09:00:00Z`),
  });
  return { tracker, logger };
}

describe('dueMilestones', () => {
  const keys = (day: string, counts = OPEN) =>
    dueMilestones(SLO, day, counts).map(
      m => `${m.milestone}${m.silent ? ' (silent)' : ''}`,
    );

  it('reaches nothing before the start, then the start', () => {
    expect(keys('2027-01-09')).toEqual([]);
    expect(keys('2027-01-10')).toEqual(['started']);
  });

  it('reminds on the smallest reminder reached; the larger ones missed go silently', () => {
    expect(keys('2027-03-16')).toEqual(['started']);
    expect(keys('2027-03-17')).toEqual(['started', 'reminder-14d']);
    expect(keys('2027-03-30')).toEqual([
      'started',
      'reminder-14d (silent)',
      'reminder-7d (silent)',
      'reminder-1d',
    ]);
    // Nobody open: no reminder.
    expect(keys('2027-03-30', ALL_MET)).toEqual(['started', 'completed']);
  });

  it('completes while running with every targeted entity met, and is due after the deadline', () => {
    // No result names the campaign yet: nobody to tell, nothing reached.
    expect(keys('2027-02-01', { targeted: 0, met: 0, regressed: 0 })).toEqual(
      [],
    );
    expect(keys('2027-03-31', ALL_MET)).toEqual(['started', 'completed']);
    expect(keys('2027-04-01', ALL_MET)).toEqual(['started (silent)', 'due']);
  });
});

describe('CampaignTracker', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'records the burn-up and tells each milestone once, in and after its transaction, %p',
    async databaseId => {
      const { knex, stores } = await createTestStores(databases, databaseId);
      await seedCampaignEntities(knex, [
        { name: 'a', met: true },
        { name: 'b', met: false, openChecks: ['slos'] },
        { name: 'c', met: false, owner: 'group:default/team-b' },
      ]);
      const clock = { day: '2027-01-09' };
      const { tracker } = trackerOn(stores.campaigns, [SLO], clock);
      const told: string[] = [];
      tracker.addListener(recordingListener(told));

      expect(await tracker.run()).toEqual([]);
      clock.day = '2027-01-10';
      const [started] = await tracker.run();
      expect(started).toEqual<CampaignMilestone>({
        campaign: SLO,
        kind: 'started',
        milestone: 'started',
        reachedAt: new Date('2027-01-10T09:00:00Z'),
        progress: { targeted: 3, met: 1, share: 1 / 3 },
        owners: [
          expect.objectContaining({
            owner: 'group:default/team-a',
            open: 1,
            openEntities: ['component:default/b'],
            openChecks: ['slos'],
          }),
          expect.objectContaining({ owner: 'group:default/team-b', open: 1 }),
        ],
      });
      // Again the same day: nothing new.
      expect(await tracker.run()).toEqual([]);
      clock.day = '2027-03-17';
      await tracker.run();
      // A late run: the 7-day reminder goes silently, the 1-day one is told.
      clock.day = '2027-03-30';
      await tracker.run();
      clock.day = '2027-04-02';
      await tracker.run();

      expect(told).toEqual([
        'in:slo-everywhere:started',
        'after:slo-everywhere:started',
        'in:slo-everywhere:reminder-14d',
        'after:slo-everywhere:reminder-14d',
        'in:slo-everywhere:reminder-1d',
        'after:slo-everywhere:reminder-1d',
        'in:slo-everywhere:due',
        'after:slo-everywhere:due',
      ]);
      const silent = await knex(CAMPAIGN_MILESTONES_TABLE)
        .where({ campaign_id: 'slo-everywhere', milestone: 'reminder-7d' })
        .first();
      expect(JSON.parse(silent.details)).toEqual({
        progress: { targeted: 3, met: 1, share: 1 / 3 },
        silent: 'superseded by reminder-1d',
      });
      // One point per day the tracker ran within the campaign.
      expect(
        await stores.campaigns.burnUp(
          { campaignId: SLO.id, scorecardId: CAMPAIGN_SCORECARD },
          { from: SLO.startsAt, to: '2027-04-02' },
          undefined,
        ),
      ).toEqual(
        ['2027-01-10', '2027-03-17', '2027-03-30'].map(day => ({
          day,
          targeted: 3,
          met: 1,
        })),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'reaches each milestone once when two trackers run at the same time, %p',
    async databaseId => {
      const { knex, stores } = await createTestStores(databases, databaseId);
      await seedCampaignEntities(knex, [
        { name: 'a', met: true },
        { name: 'b', met: true, campaignId: 'done' },
      ]);
      const campaigns = [
        SLO,
        campaign({ id: 'done', startsAt: '2027-03-01' }),
        campaign({ id: 'late', startsAt: '2027-01-01', dueAt: '2027-03-25' }),
      ];
      const clock = { day: '2027-03-30' };
      const told: string[] = [];
      const replicas = [0, 1].map(() => {
        const { tracker } = trackerOn(stores.campaigns, campaigns, clock);
        tracker.addListener(recordingListener(told));
        return tracker;
      });
      await Promise.all(replicas.map(r => r.run()));
      await Promise.all(replicas.map(r => r.run()));

      expect(told.filter(t => t.startsWith('after:')).sort()).toEqual([
        'after:done:completed',
        'after:done:started',
        'after:late:due',
        'after:slo-everywhere:completed',
        'after:slo-everywhere:started',
      ]);
      expect(told.filter(t => t.startsWith('in:'))).toHaveLength(5);
    },
  );

  it.each(databases.eachSupportedId())(
    'tries a milestone again when a listener fails in its transaction, and logs failures after it, %p',
    async databaseId => {
      const { knex, stores } = await createTestStores(databases, databaseId);
      await seedCampaignEntities(knex, [{ name: 'a', met: false }]);
      const clock = { day: '2027-01-10' };
      const { tracker, logger } = trackerOn(stores.campaigns, [SLO], clock);
      let failInTransaction = true;
      const told: string[] = [];
      tracker.addListener({
        async inTransaction() {
          if (failInTransaction) {
            throw new Error('outbox unavailable');
          }
        },
        async afterCommit(milestone) {
          told.push(milestone.milestone);
          throw new Error('events unavailable');
        },
      });

      expect(await tracker.run()).toEqual([]);
      expect(logger.error).toHaveBeenCalledWith(
        expect.stringContaining('outbox unavailable'),
      );
      expect(
        await stores.campaigns.reachedMilestones('slo-everywhere'),
      ).toEqual(new Set());

      failInTransaction = false;
      expect((await tracker.run()).map(m => m.milestone)).toEqual(['started']);
      expect(told).toEqual(['started']);
      expect(logger.error).toHaveBeenCalledWith(
        expect.stringContaining('events unavailable'),
      );
    },
  );
});
