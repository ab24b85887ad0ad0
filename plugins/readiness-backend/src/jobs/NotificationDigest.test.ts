import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  DefaultNotificationService,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import knexFactory, { Knex } from 'knex';
import {
  campaignMilestone,
  outboxItem,
  recordingNotifications,
  TEAM_A,
  TEAM_B,
} from '../__testUtils__/notificationFixtures';
import { createTestStores } from '../__testUtils__/testStores';
import { campaignItems } from '../notifications/CampaignNotifier';
import { NotificationOutbox } from '../store';
import { DatabaseNotificationOutbox } from '../store/notifications/DatabaseNotificationOutbox';
import { NOTIFICATION_DIGESTS_TABLE } from '../store/tables';
import { NotificationDigest } from './NotificationDigest';

jest.setTimeout(60_000);

const MORNING = new Date('2027-01-10T09:00:00.000Z');
const EVENING = new Date('2027-01-10T21:00:00.000Z');
const NEXT_DAY = new Date('2027-01-11T00:05:00.000Z');

/** A daily digest job over the outbox, at the time `clock.now` says. */
function digestJob(
  outbox: NotificationOutbox,
  notifications: NotificationService,
  clock: { now: Date },
  logger = mockServices.logger.mock(),
) {
  return new NotificationDigest({
    outbox,
    notifications,
    logger,
    digest: 'daily',
    now: () => clock.now,
  });
}

/** Each digest row's recipient and status, by recipient. */
async function digestStatuses(knex: Knex) {
  const rows: Array<{ recipient: string; status: string }> = await knex(
    NOTIFICATION_DIGESTS_TABLE,
  )
    .orderBy('recipient')
    .select('recipient', 'status');
  return rows.map(r => [r.recipient, r.status]);
}

describe('NotificationDigest', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'sends one digest per recipient, topic and day, its entities grouped, %p',
    async databaseId => {
      const { stores } = await createTestStores(databases, databaseId);
      const outbox = stores.notificationOutbox;
      const notifications = recordingNotifications();
      const clock = { now: MORNING };
      const job = digestJob(outbox, notifications, clock);
      await outbox.enqueue([
        outboxItem({ entity: 'component:default/checkout' }),
        outboxItem({ entity: 'component:default/payments' }),
        outboxItem({
          entity: 'component:default/checkout',
          at: '2027-01-10T08:30:00.000Z',
          summary: 'API quality: Gold → Silver',
        }),
        outboxItem({ recipient: TEAM_B }),
        ...campaignItems(campaignMilestone({ kind: 'started' })),
      ]);

      await expect(job.run()).resolves.toEqual({ sent: 4, failed: 0 });
      const byRecipient = notifications.sent.map(n => [
        n.recipients,
        n.payload.topic,
        n.payload.title,
      ]);
      expect(byRecipient).toEqual([
        [
          { type: 'entity', entityRef: TEAM_A },
          'readiness-regression',
          'Readiness: 3 regressions of your entities',
        ],
        [
          { type: 'entity', entityRef: TEAM_B },
          'readiness-regression',
          'Readiness: component:default/checkout regressed',
        ],
        [
          { type: 'entity', entityRef: TEAM_A },
          'readiness-campaign',
          'Readiness campaign: Trace every request',
        ],
        [
          { type: 'entity', entityRef: TEAM_B },
          'readiness-campaign',
          'Readiness campaign: Trace every request',
        ],
      ]);
      expect(notifications.sent[0].payload).toMatchObject({
        description: [
          'component:default/checkout: Silver → Bronze · API quality: Gold → Silver',
          'component:default/payments: Silver → Bronze',
        ].join('\n'),
        link: '/readiness',
        severity: 'high',
      });
      expect(notifications.sent[1].payload.link).toBe(
        '/catalog/default/component/checkout/readiness',
      );
      expect(notifications.sent[2].payload).toMatchObject({
        link: '/readiness/campaigns/tracing-2027',
        severity: 'normal',
      });

      // Later that day: told in tomorrow's digest, not today's.
      await outbox.enqueue([
        outboxItem({
          entity: 'component:default/search',
          at: '2027-01-10T12:00:00.000Z',
        }),
      ]);
      clock.now = EVENING;
      await expect(job.run()).resolves.toEqual({ sent: 0, failed: 0 });
      clock.now = NEXT_DAY;
      await expect(job.run()).resolves.toEqual({ sent: 1, failed: 0 });
      expect(notifications.sent[4].payload.description).toBe(
        'component:default/search: Silver → Bronze',
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'never sends a digest twice from two replicas running at once, %p',
    async databaseId => {
      const { knex, stores } = await createTestStores(databases, databaseId);
      // Two replicas: two connection pools to one database (one in-memory
      // SQLite database has one connection, so they share it).
      const otherKnex = databaseId.startsWith('SQLITE')
        ? knex
        : knexFactory(knex.client.config);
      try {
        await stores.notificationOutbox.enqueue(
          Array.from({ length: 30 }, (_, i) =>
            outboxItem({
              recipient: `group:default/team-${i}`,
              entity: `component:default/service-${i}`,
            }),
          ),
        );
        const notifications = recordingNotifications(
          // A slow send, so that the replicas' runs overlap.
          () => new Promise(resolve => setTimeout(resolve, 5)),
        );
        const clock = { now: MORNING };
        const replicas = [
          stores.notificationOutbox,
          new DatabaseNotificationOutbox(otherKnex),
        ].map(outbox => digestJob(outbox, notifications, clock));
        const outcomes = await Promise.all([
          ...replicas.map(job => job.run()),
          ...replicas.map(job => job.run()),
        ]);

        const recipients = notifications.sent.map(n =>
          JSON.stringify(n.recipients),
        );
        expect(recipients).toHaveLength(30);
        expect(new Set(recipients).size).toBe(30);
        expect(outcomes.reduce((sum, o) => sum + o.sent, 0)).toBe(30);
      } finally {
        if (otherKnex !== knex) {
          await otherKnex.destroy();
        }
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'does not send again a digest claimed before a crash, nor one whose send failed, %p',
    async databaseId => {
      const { knex, stores } = await createTestStores(databases, databaseId);
      const outbox = stores.notificationOutbox;
      const TEAM_C = 'group:default/team-c';
      await outbox.enqueue([
        outboxItem({ recipient: TEAM_A }),
        outboxItem({ recipient: TEAM_B }),
        outboxItem({ recipient: TEAM_C }),
      ]);
      // A replica claims team-a's digest and dies before sending it.
      const [crashed] = await outbox.claimDigests('2027-01-10', MORNING, {
        digests: 1,
        maxLines: 10,
      });
      expect(crashed.recipient).toBe(TEAM_A);

      const clock = { now: MORNING };
      const failing = recordingNotifications(async ({ recipients }) => {
        if (recipients.type === 'entity' && recipients.entityRef === TEAM_B) {
          throw new Error('notifications backend answered 503');
        }
      });
      await expect(digestJob(outbox, failing, clock).run()).resolves.toEqual({
        sent: 1,
        failed: 1,
      });

      // After a restart, today and any later day: nothing is sent again.
      const restarted = recordingNotifications();
      await expect(digestJob(outbox, restarted, clock).run()).resolves.toEqual({
        sent: 0,
        failed: 0,
      });
      clock.now = NEXT_DAY;
      await expect(digestJob(outbox, restarted, clock).run()).resolves.toEqual({
        sent: 0,
        failed: 0,
      });
      expect(restarted.sent).toEqual([]);
      expect(await digestStatuses(knex)).toEqual([
        [TEAM_A, 'sending'],
        [TEAM_B, 'failed'],
        [TEAM_C, 'sent'],
      ]);
    },
  );

  it('warns once, and does not fail, when the notifications backend is not installed', async () => {
    const { stores } = await createTestStores(databases);
    const logger = mockServices.logger.mock();
    // Discovery points at no server: every send fails, as without the
    // notifications backend.
    const notifications = DefaultNotificationService.create({
      auth: mockServices.auth(),
      discovery: mockServices.discovery(),
    });
    const clock = { now: MORNING };
    const job = digestJob(
      stores.notificationOutbox,
      notifications,
      clock,
      logger,
    );
    await stores.notificationOutbox.enqueue([
      outboxItem({ recipient: TEAM_A }),
      outboxItem({ recipient: TEAM_B }),
    ]);
    await expect(job.run()).resolves.toEqual({ sent: 0, failed: 2 });
    await stores.notificationOutbox.enqueue([
      outboxItem({ recipient: TEAM_A, at: '2027-01-10T12:00:00.000Z' }),
    ]);
    clock.now = NEXT_DAY;
    await expect(job.run()).resolves.toEqual({ sent: 0, failed: 1 });

    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('Is the notifications backend installed?'),
    );
    expect(logger.debug).toHaveBeenCalledTimes(2);
  });

  it('runs every 5 minutes as readiness.notificationDigest unless readiness.notifications.schedule says', async () => {
    const taskOf = async (config: object) => {
      const scheduler = mockServices.scheduler.mock();
      await NotificationDigest.fromConfig(new ConfigReader(config), {
        outbox: {} as NotificationOutbox,
        notifications: recordingNotifications(),
        logger: mockServices.logger.mock(),
      }).schedule(scheduler);
      return scheduler.scheduleTask.mock.calls[0][0];
    };
    expect(await taskOf({})).toMatchObject({
      id: 'readiness.notificationDigest',
      frequency: { minutes: 5 },
      timeout: { minutes: 5 },
    });
    expect(
      await taskOf({
        readiness: {
          notifications: {
            schedule: { frequency: { minutes: 1 }, timeout: '30s' },
          },
        },
      }),
    ).toMatchObject({ frequency: { minutes: 1 } });
  });
});
