import { TestDatabases } from '@backstage/backend-test-utils';
import {
  outboxItem,
  TEAM_A,
  TEAM_B,
} from '../../__testUtils__/notificationFixtures';
import { createTestStores } from '../../__testUtils__/testStores';
import { NOTIFICATION_DIGESTS_TABLE } from '../tables';

jest.setTimeout(60_000);

const NOW = new Date('2027-01-10T09:00:00.000Z');
const LIMITS = { digests: 100, maxLines: 100 };

describe('DatabaseNotificationOutbox', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'keeps one line per dedupe key, and none of a rolled back transaction, %p',
    async databaseId => {
      const { knex, stores } = await createTestStores(databases, databaseId);
      const outbox = stores.notificationOutbox;
      await outbox.enqueue([outboxItem(), outboxItem()]);
      await outbox.enqueue([outboxItem({ summary: 'told again' })]);
      await expect(
        knex.transaction(async tx => {
          await outbox.enqueue(
            [outboxItem({ at: '2027-01-10T08:30:00Z' })],
            tx,
          );
          throw new Error('the change is rolled back');
        }),
      ).rejects.toThrow('rolled back');

      const [digest] = await outbox.claimDigests('2027-01-10', NOW, LIMITS);
      expect(digest).toMatchObject({ total: 1 });
      expect(digest.lines.map(l => l.summary)).toEqual(['Silver → Bronze']);
    },
  );

  it.each(databases.eachSupportedId())(
    'claims one digest per recipient, topic and period; later lines wait for the next period, %p',
    async databaseId => {
      const { stores } = await createTestStores(databases, databaseId);
      const outbox = stores.notificationOutbox;
      await outbox.enqueue([
        outboxItem({ entity: 'component:default/checkout' }),
        outboxItem({ recipient: TEAM_B, entity: 'component:default/search' }),
        outboxItem({ entity: 'component:default/payments' }),
      ]);

      const first = await outbox.claimDigests('2027-01-10', NOW, LIMITS);
      expect(first.map(d => [d.recipient, d.topic, d.period, d.total])).toEqual(
        [
          [TEAM_A, 'readiness-regression', '2027-01-10', 2],
          [TEAM_B, 'readiness-regression', '2027-01-10', 1],
        ],
      );
      expect(first[0].lines.map(l => l.about)).toEqual([
        'component:default/checkout',
        'component:default/payments',
      ]);

      await outbox.enqueue([
        outboxItem({
          entity: 'component:default/billing',
          at: '2027-01-10T10:00:00Z',
        }),
      ]);
      await expect(
        outbox.claimDigests('2027-01-10', NOW, LIMITS),
      ).resolves.toEqual([]);
      const next = await outbox.claimDigests('2027-01-11', NOW, LIMITS);
      expect(next.map(d => [d.recipient, d.total])).toEqual([[TEAM_A, 1]]);
      expect(next[0].lines[0].about).toBe('component:default/billing');
      expect(new Set([...first, ...next].map(d => d.id)).size).toBe(3);
    },
  );

  it.each(databases.eachSupportedId())(
    'reads a bounded number of lines and counts the rest, and claims a bounded number of digests, %p',
    async databaseId => {
      const { stores } = await createTestStores(databases, databaseId);
      const outbox = stores.notificationOutbox;
      await outbox.enqueue(
        Array.from({ length: 7 }, (_, i) =>
          outboxItem({ entity: `component:default/service-${i}` }),
        ),
      );
      await outbox.enqueue([outboxItem({ recipient: TEAM_B })]);

      const [digest, ...others] = await outbox.claimDigests('2027-01-10', NOW, {
        digests: 1,
        maxLines: 3,
      });
      expect(others).toEqual([]);
      expect(digest).toMatchObject({ recipient: TEAM_A, total: 7 });
      expect(digest.lines.map(l => l.about)).toEqual([
        'component:default/service-0',
        'component:default/service-1',
        'component:default/service-2',
      ]);
      const rest = await outbox.claimDigests('2027-01-10', NOW, LIMITS);
      expect(rest.map(d => d.recipient)).toEqual([TEAM_B]);
    },
  );

  it.each(databases.eachSupportedId())(
    'lets only one of two concurrent claims take a digest, %p',
    async databaseId => {
      const { stores } = await createTestStores(databases, databaseId);
      const outbox = stores.notificationOutbox;
      await outbox.enqueue(
        Array.from({ length: 20 }, (_, i) =>
          outboxItem({
            recipient: `group:default/team-${i}`,
            entity: `component:default/service-${i}`,
          }),
        ),
      );
      const claims = await Promise.all(
        Array.from({ length: 4 }, () =>
          outbox.claimDigests('2027-01-10', NOW, LIMITS),
        ),
      );
      const recipients = claims.flat().map(d => d.recipient);
      expect(recipients).toHaveLength(20);
      expect(new Set(recipients).size).toBe(20);
      expect(claims.flat().every(d => d.total === 1)).toBe(true);
    },
  );

  it.each(databases.eachSupportedId())(
    'records what became of a digest, and prunes old digests with their lines, %p',
    async databaseId => {
      const { knex, stores } = await createTestStores(databases, databaseId);
      const outbox = stores.notificationOutbox;
      await outbox.enqueue([outboxItem(), outboxItem({ recipient: TEAM_B })]);
      const [sent, failed] = await outbox.claimDigests(
        '2027-01-10',
        NOW,
        LIMITS,
      );
      await outbox.markSent(sent.id, new Date('2027-01-10T09:00:01Z'));
      await outbox.markFailed(
        failed.id,
        `No notifications backend ${'!'.repeat(3000)}`,
      );
      const rows = await knex(NOTIFICATION_DIGESTS_TABLE)
        .orderBy('id')
        .select('status', 'sent_at', 'error');
      expect(rows.map(r => [r.status, r.sent_at && Number(r.sent_at)])).toEqual(
        [
          ['sent', Date.parse('2027-01-10T09:00:01Z')],
          ['failed', null],
        ],
      );
      expect(rows[1].error).toMatch(/^No notifications backend !!!/);
      expect(rows[1].error.length).toBe(2000);

      // A line still waiting is kept whatever its age.
      await outbox.enqueue([outboxItem({ at: '2027-01-10T10:00:00Z' })]);
      await expect(
        outbox.pruneSent(new Date('2027-01-10T09:00:00.000Z')),
      ).resolves.toBe(0);
      await expect(
        outbox.pruneSent(new Date('2027-02-10T00:00:00.000Z')),
      ).resolves.toBe(2);
      const [{ n }] = await knex(NOTIFICATION_DIGESTS_TABLE).count({ n: '*' });
      expect(Number(n)).toBe(0);
      // The old lines went with their digests; the waiting one is claimed.
      const [next] = await outbox.claimDigests('2027-01-11', NOW, LIMITS);
      expect(next.total).toBe(1);
    },
  );
});
