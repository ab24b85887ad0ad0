import type { Knex } from 'knex';
import {
  campaignMilestone,
  TEAM_A,
  TEAM_B,
} from '../__testUtils__/notificationFixtures';
import type { OutboxItem } from '../store';
import { CampaignNotifier, campaignItems } from './CampaignNotifier';

const PLATFORM = 'group:default/platform';

/** Recipient, summary and severity of each line. */
const told = (items: OutboxItem[]) =>
  items.map(i => [i.recipient, i.line.summary, i.line.severity]);

describe('CampaignNotifier', () => {
  it('tells each owner with targeted entities that the campaign started', () => {
    const items = campaignItems(campaignMilestone({ kind: 'started' }));
    expect(told(items)).toEqual([
      [
        TEAM_A,
        'started: 3 of your entities are targeted; due 2027-03-31',
        'normal',
      ],
      [
        TEAM_B,
        'started: 1 of your entities is targeted; due 2027-03-31',
        'normal',
      ],
    ]);
    expect(items[0]).toMatchObject({
      topic: 'readiness-campaign',
      entityRef: null,
      line: {
        about: 'tracing-2027',
        aboutTitle: 'Trace every request',
        scorecard: 'production-readiness',
        link: '/readiness/campaigns/tracing-2027',
      },
      createdAt: new Date('2027-03-17T06:00:00.000Z'),
    });
  });

  it('reminds each owner with open entities of what is open and when it is due', () => {
    const items = campaignItems(
      campaignMilestone({ kind: 'reminder', milestone: 'reminder-14d' }),
    );
    expect(told(items)).toEqual([
      [
        TEAM_A,
        '2 of 3 entities still open, due 2027-03-31 (in 14 days): component:default/checkout, component:default/search; to fix: traced',
        'normal',
      ],
    ]);
  });

  it('counts the days left from the day the reminder is reached', () => {
    // Added to the config 10 days before its deadline: reminded at once.
    const late = campaignMilestone({
      kind: 'reminder',
      milestone: 'reminder-14d',
    });
    late.reachedAt = new Date('2027-03-21T23:59:00.000Z');
    expect(told(campaignItems(late))[0][1]).toMatch(
      /, due 2027-03-31 \(in 10 days\): /,
    );
    late.reachedAt = new Date('2027-03-31T08:00:00.000Z');
    expect(told(campaignItems(late))[0][1]).toMatch(
      /, due 2027-03-31 \(today\): /,
    );
  });

  it("tells the campaign's owner the result when it is due and when it completes", () => {
    expect(told(campaignItems(campaignMilestone({ kind: 'due' })))).toEqual([
      [
        PLATFORM,
        'deadline passed: 3 of 5 entities met the goal (60%); owners still open: group:default/team-a (2)',
        'high',
      ],
    ]);
    expect(
      told(campaignItems(campaignMilestone({ kind: 'completed' }))),
    ).toEqual([
      [PLATFORM, 'completed: 3 of 5 entities met the goal (60%)', 'normal'],
    ]);
    const unowned = campaignMilestone({ kind: 'due' });
    delete unowned.campaign.owner;
    expect(campaignItems(unowned)).toEqual([]);
  });

  it("writes one line per recipient and milestone in the milestone's transaction", async () => {
    const enqueued: Array<{ items: OutboxItem[]; tx?: Knex.Transaction }> = [];
    const notifier = new CampaignNotifier({
      enqueue: async (items, tx) => {
        enqueued.push({ items, tx });
      },
    });
    const tx = {} as Knex.Transaction;
    await notifier.inTransaction(tx, campaignMilestone({ kind: 'started' }));
    await notifier.inTransaction(
      tx,
      campaignMilestone({ kind: 'reminder', milestone: 'reminder-7d' }),
    );
    expect(enqueued.map(e => e.tx)).toEqual([tx, tx]);
    const keys = enqueued.flatMap(e => e.items.map(i => i.dedupeKey));
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(3);
    expect(keys.every(k => /^campaign:[0-9a-f]{64}$/.test(k))).toBe(true);
  });
});
