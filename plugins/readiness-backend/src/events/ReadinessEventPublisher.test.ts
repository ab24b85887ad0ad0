import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  campaignMilestone,
  recordedChange,
  recordingEvents,
} from '../__testUtils__/notificationFixtures';
import { scoreAt } from '../__testUtils__/storeFixtures';
import { sqliteStores } from '../__testUtils__/testStores';
import { ReadinessEventPublisher } from './ReadinessEventPublisher';

jest.setTimeout(60_000);

describe('ReadinessEventPublisher', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('publishes readiness.level-changed once a write that changed a level commits', async () => {
    const stores = await sqliteStores(databases);
    const events = recordingEvents();
    const publisher = new ReadinessEventPublisher(
      events,
      mockServices.logger.mock(),
    );
    stores.resultWriter.addListener(publisher.levelChanges);

    // A first evaluation is not a change of level.
    await scoreAt(
      stores.resultWriter,
      'checkout',
      '2027-01-10T08:00:00Z',
      80,
      'gold',
    );
    // A score change within the level is none either.
    await scoreAt(
      stores.resultWriter,
      'checkout',
      '2027-01-10T09:00:00Z',
      75,
      'gold',
    );
    await publisher.idle();
    expect(events.published).toEqual([]);

    await scoreAt(
      stores.resultWriter,
      'checkout',
      '2027-01-10T10:00:00.000Z',
      40,
      'bronze',
    );
    await publisher.idle();
    expect(events.published).toEqual([
      {
        topic: 'readiness.level-changed',
        eventPayload: {
          entityRef: 'component:default/checkout',
          scorecard: 'production-readiness',
          levelBefore: 'gold',
          levelAfter: 'bronze',
          scoreBefore: 75,
          scoreAfter: 40,
          cause: 'facts',
          changedAt: '2027-01-10T10:00:00.000Z',
        },
      },
    ]);
  });

  it('publishes readiness.campaign.<milestone> with the progress', async () => {
    const events = recordingEvents();
    const publisher = new ReadinessEventPublisher(
      events,
      mockServices.logger.mock(),
    );
    await publisher.milestones.afterCommit!(
      campaignMilestone({ kind: 'reminder', milestone: 'reminder-7d' }),
    );
    await publisher.milestones.afterCommit!(campaignMilestone({ kind: 'due' }));
    await publisher.idle();
    expect(events.published).toEqual([
      {
        topic: 'readiness.campaign.reminder',
        eventPayload: {
          campaign: 'tracing-2027',
          title: 'Trace every request',
          scorecard: 'production-readiness',
          dueAt: '2027-03-31',
          milestone: 'reminder-7d',
          reachedAt: '2027-03-17T06:00:00.000Z',
          progress: { targeted: 5, met: 3, share: 0.6 },
        },
      },
      expect.objectContaining({
        topic: 'readiness.campaign.due',
        eventPayload: expect.objectContaining({ milestone: 'due' }),
      }),
    ]);
  });

  it('logs a failure to publish, and publishes the other events', async () => {
    const logger = mockServices.logger.mock();
    let calls = 0;
    const events = recordingEvents(async () => {
      calls += 1;
      if (calls === 1) {
        throw new Error('events backend unavailable');
      }
    });
    const publisher = new ReadinessEventPublisher(events, logger);
    const dropped = recordedChange({
      levelBefore: 'gold',
      levelAfter: 'silver',
    });
    await publisher.levelChanges.afterCommit!([
      dropped,
      { ...dropped, entityRef: 'component:default/search' },
    ]);
    await publisher.idle();
    expect(events.published.map(e => e.eventPayload)).toEqual([
      expect.objectContaining({ entityRef: 'component:default/search' }),
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      'Could not publish 1 Readiness event(s): Error: events backend unavailable',
    );
  });

  describe('with a slow events backend', () => {
    /** An events backend whose publishes wait until `release()`. */
    function slowEvents() {
      let inFlight = 0;
      let mostInFlight = 0;
      let release = () => {};
      const released = new Promise<void>(resolve => {
        release = resolve;
      });
      const events = recordingEvents(async () => {
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        await released;
        inFlight -= 1;
      });
      return { events, release, mostInFlight: () => mostInFlight };
    }

    const levelDrops = (count: number) =>
      Array.from({ length: count }, (_, i) => ({
        ...recordedChange({ levelBefore: 'gold', levelAfter: 'silver' }),
        entityRef: `component:default/service-${i}`,
      }));

    /** Whether `promise` settles before a few turns of the event loop. */
    async function settlesPromptly(promise: Promise<unknown>) {
      const late = new Promise(resolve => setTimeout(resolve, 50, 'late'));
      return (
        (await Promise.race([promise.then(() => 'settled'), late])) ===
        'settled'
      );
    }

    it('does not hold up the writer, and publishes a few at a time', async () => {
      const slow = slowEvents();
      const publisher = new ReadinessEventPublisher(
        slow.events,
        mockServices.logger.mock(),
      );
      expect(
        await settlesPromptly(
          publisher.levelChanges.afterCommit!(levelDrops(100)),
        ),
      ).toBe(true);
      expect(slow.mostInFlight()).toBe(8);
      expect(slow.events.published).toEqual([]);

      slow.release();
      await publisher.idle();
      expect(slow.events.published).toHaveLength(100);
      expect(slow.mostInFlight()).toBe(8);
    });

    it('drops events beyond the waiting bound, with a warning', async () => {
      const slow = slowEvents();
      const logger = mockServices.logger.mock();
      const publisher = new ReadinessEventPublisher(slow.events, logger, {
        maxInFlight: 2,
        maxWaiting: 5,
      });
      await publisher.levelChanges.afterCommit!(levelDrops(4));
      await publisher.levelChanges.afterCommit!(levelDrops(3));
      expect(logger.warn).toHaveBeenCalledWith(
        'Dropped 2 Readiness event(s): 5 are still waiting to be published (at most 5); is the events backend slow?',
      );

      slow.release();
      await publisher.idle();
      expect(slow.events.published).toHaveLength(5);
      // Room again once they are published.
      await publisher.levelChanges.afterCommit!(levelDrops(5));
      await publisher.idle();
      expect(slow.events.published).toHaveLength(10);
      expect(logger.warn).toHaveBeenCalledTimes(1);
    });
  });
});
