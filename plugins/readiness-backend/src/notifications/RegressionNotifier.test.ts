import type { Knex } from 'knex';
import {
  recordedChange,
  TEAM_A,
  TEAM_B,
} from '../__testUtils__/notificationFixtures';
import type { OutboxItem } from '../store';
import { describeRegression, RegressionNotifier } from './RegressionNotifier';

const TX = {} as Knex.Transaction;

/** A notifier over an outbox that keeps what it is given, and in which transaction. */
function recordingNotifier() {
  const enqueued: Array<{ items: OutboxItem[]; tx?: Knex.Transaction }> = [];
  const notifier = new RegressionNotifier({
    enqueue: async (items, tx) => {
      enqueued.push({ items, tx });
    },
  });
  return { notifier, enqueued };
}

describe('describeRegression', () => {
  it('tells a level that dropped, with the checks that started failing', () => {
    expect(
      describeRegression(
        recordedChange({
          levelBefore: 'silver',
          levelAfter: 'bronze',
          statuses: { traced: 'fail', docs: 'fail' },
          checks: [
            { check: 'traced', before: 'pass', after: 'fail' },
            { check: 'docs', before: 'unknown', after: 'fail' },
          ],
        }),
      ),
    ).toBe('Silver → Bronze; failing: Requests are traced, Docs are published');
    expect(
      describeRegression(
        recordedChange({ levelBefore: 'bronze', levelAfter: null }),
      ),
    ).toBe('Bronze → no level');
  });

  it('tells a check of severity high or critical that started failing, the level unchanged', () => {
    expect(
      describeRegression(
        recordedChange({
          statuses: { traced: 'fail' },
          checks: [{ check: 'traced', before: null, after: 'fail' }],
        }),
      ),
    ).toBe('failing: Requests are traced');
  });

  it('leaves out rises, low severities, advisory checks, checks failing already, first evaluations and scorecard changes', () => {
    const quiet = [
      recordedChange({ levelBefore: 'bronze', levelAfter: 'gold' }),
      recordedChange({ levelBefore: null, levelAfter: 'bronze' }),
      recordedChange({
        statuses: { docs: 'fail' },
        checks: [{ check: 'docs', before: 'pass', after: 'fail' }],
      }),
      recordedChange({
        statuses: { canary: 'fail' },
        checks: [{ check: 'canary', before: 'pass', after: 'fail' }],
      }),
      recordedChange({
        statuses: { traced: 'fail' },
        checks: [{ check: 'traced', before: 'fail', after: 'fail' }],
      }),
      recordedChange({
        cause: 'first-evaluation',
        levelBefore: null,
        levelAfter: null,
        statuses: { traced: 'fail' },
        checks: [{ check: 'traced', before: null, after: 'fail' }],
      }),
      recordedChange({
        cause: 'scorecard',
        levelBefore: 'gold',
        levelAfter: 'bronze',
      }),
    ];
    expect(quiet.map(describeRegression)).toEqual(quiet.map(() => undefined));
  });
});

describe('RegressionNotifier', () => {
  it("writes a line for the owner's next digest in the change's transaction", async () => {
    const { notifier, enqueued } = recordingNotifier();
    await notifier.inTransaction(TX, [
      recordedChange({ levelBefore: 'gold', levelAfter: 'silver' }),
      recordedChange({ levelBefore: 'silver', levelAfter: 'gold' }),
      recordedChange({ levelBefore: 'gold', levelAfter: 'bronze' }, null),
      {
        ...recordedChange(
          {
            cause: 'exemption',
            levelBefore: 'silver',
            levelAfter: 'bronze',
            changedAt: '2027-01-10T09:00:00.000Z',
          },
          TEAM_B,
        ),
        entityRef: 'api:payments/Payments-API',
      },
    ]);
    expect(enqueued).toHaveLength(1);
    expect(enqueued[0].tx).toBe(TX);
    const [checkout, payments] = enqueued[0].items;
    expect(checkout).toEqual({
      recipient: TEAM_A,
      topic: 'readiness-regression',
      dedupeKey: expect.stringMatching(/^regression:[0-9a-f]{64}$/),
      entityRef: 'component:default/checkout',
      line: {
        about: 'component:default/checkout',
        aboutTitle: 'component:default/checkout',
        scorecard: 'production-readiness',
        summary: 'Production readiness: Gold → Silver',
        link: '/catalog/default/component/checkout/readiness',
        severity: 'high',
      },
      createdAt: new Date('2027-01-10T08:00:00.000Z'),
    });
    expect(payments).toMatchObject({
      recipient: TEAM_B,
      line: { link: '/catalog/payments/api/Payments-API/readiness' },
    });
    expect(payments.dedupeKey).not.toBe(checkout.dedupeKey);
  });

  it('writes nothing when nothing regressed', async () => {
    const { notifier, enqueued } = recordingNotifier();
    await notifier.inTransaction(TX, [
      recordedChange({ levelBefore: 'silver', levelAfter: 'gold' }),
    ]);
    expect(enqueued).toEqual([]);
  });
});
