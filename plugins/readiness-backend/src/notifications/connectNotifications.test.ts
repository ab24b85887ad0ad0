import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  recordedChange,
  recordingNotifications,
  TEAM_A,
} from '../__testUtils__/notificationFixtures';
import { attributes, stored } from '../__testUtils__/storeFixtures';
import { createTestStores } from '../__testUtils__/testStores';
import { CampaignMilestoneListener } from '../campaigns/campaignListeners';
import { ReadinessStores } from '../store';
import { connectNotifications } from './connectNotifications';

jest.setTimeout(60_000);

/** Stores checkout's result at a level, owned by team-a. */
function storeLevel(
  stores: ReadinessStores,
  level: string,
  evaluatedAt: string,
) {
  const { result } = recordedChange();
  return stores.resultWriter.replaceEntityResults(
    {
      ref: 'component:default/checkout',
      etag: 'e1',
      attributes: attributes({ owner: TEAM_A }),
    },
    [stored({ ...result, level, evaluatedAt })],
  );
}

/** The notifications connected with this config, and the milestone listeners. */
function connect(stores: ReadinessStores, config: object, withService = true) {
  const milestoneListeners: CampaignMilestoneListener[] = [];
  const notifications = recordingNotifications();
  const digest = connectNotifications({
    config: new ConfigReader(config),
    logger: mockServices.logger.mock(),
    stores,
    campaignTracker: { addListener: l => milestoneListeners.push(l) },
    notifications: withService ? notifications : undefined,
  });
  return { digest, notifications, milestoneListeners };
}

describe('connectNotifications', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    "tells the owner's members of a regression in the next digest, once turned on, %p",
    async databaseId => {
      const { stores } = await createTestStores(databases, databaseId);
      const { digest, notifications, milestoneListeners } = connect(stores, {
        readiness: { notifications: { regressions: { enabled: true } } },
      });
      expect(milestoneListeners).toHaveLength(1);

      await storeLevel(stores, 'gold', '2027-01-10T08:00:00.000Z');
      await storeLevel(stores, 'bronze', '2027-01-10T09:00:00.000Z');
      await storeLevel(stores, 'silver', '2027-01-10T10:00:00.000Z');
      await expect(digest!.run()).resolves.toEqual({ sent: 1, failed: 0 });
      expect(notifications.sent).toEqual([
        {
          recipients: { type: 'entity', entityRef: TEAM_A },
          payload: {
            title: 'Readiness: component:default/checkout regressed',
            description:
              'component:default/checkout: Production readiness: Gold → Bronze',
            link: '/catalog/default/component/checkout/readiness',
            severity: 'high',
            topic: 'readiness-regression',
          },
        },
      ]);
    },
  );

  it('tells of campaigns but not of regressions by default, and nothing without a notification service', async () => {
    const { stores } = await createTestStores(databases);
    const byDefault = connect(stores, {});
    expect(byDefault.milestoneListeners).toHaveLength(1);
    await storeLevel(stores, 'gold', '2027-01-10T08:00:00.000Z');
    await storeLevel(stores, 'bronze', '2027-01-10T09:00:00.000Z');
    await expect(byDefault.digest!.run()).resolves.toEqual({
      sent: 0,
      failed: 0,
    });

    const off = connect(
      stores,
      { readiness: { notifications: { campaigns: { enabled: false } } } },
      true,
    );
    expect(off.milestoneListeners).toEqual([]);

    const without = connect(
      stores,
      { readiness: { notifications: { regressions: { enabled: true } } } },
      false,
    );
    expect(without.digest).toBeUndefined();
    expect(without.milestoneListeners).toEqual([]);
  });
});
