/*
 * Campaigns, team views and notifications end to end, as the guest (a
 * member of the platform team in the demo): the campaigns page lists the
 * demo's running and ended campaigns with their progress and time left;
 * the running one's page shows its burn-up, its progress per owner and its
 * open entities with the checks they need; one of the guest's team's open
 * entities shows the campaign on its Readiness tab; the team's Group page
 * card shows its entities, campaign items due and the level drop of the
 * first evaluation; and the notifications page has the Readiness digest
 * that told the team of it.
 */
import { campaignUi as cu } from '../support/campaignSelectors';
import {
  demoCampaigns,
  entityPath,
  guestTeam,
  paths,
  timeouts,
} from '../support/demo';
import { test, expect } from '../support/fixtures';
import {
  openCampaignPage,
  openCampaignsPage,
  openReadinessTab,
  openTeamCard,
} from '../support/navigation';
import { waitForNotification } from '../support/backendApi';
import { screenshot, settle } from '../support/screenshots';
import { open, visible } from '../support/session';

test('campaigns: list, campaign page, entity item, team card', async ({
  guestPage: page,
}) => {
  const { running, ended } = demoCampaigns;
  const { openEntity, openCheckTitle, group, regressed } = guestTeam;

  await test.step('the campaigns page lists both demo campaigns', async () => {
    await openCampaignsPage(page);
    const runningRow = cu.campaignRow(page, running.title);
    await visible(page, cu.progress(runningRow, running.title), 'its progress');
    await expect(
      cu.progressText(runningRow),
      'the running campaign part met',
    ).toHaveText(/^\d+ of \d+ \((?!0 %|100 %)\d+ %\)$/);
    await expect(cu.dueIn(runningRow), 'its days left').toBeVisible();
    const endedRow = cu.campaignRow(page, ended.title);
    await expect(
      cu.progress(endedRow, ended.title),
      'the ended campaign listed with its progress',
    ).toBeVisible();
    await expect(
      cu.endedAgo(endedRow),
      'days since its deadline',
    ).toBeVisible();
    await settle(page);
    await screenshot(page, 'campaigns');
  });

  await test.step('the running campaign: burn-up, owners, open entities', async () => {
    await openCampaignPage(page);
    await expect(
      cu.burnUp(page).locator('svg').first(),
      'the burn-up chart',
    ).toBeVisible();
    await expect(
      cu.rowWith(
        cu.groups(page),
        cu.entityName({ name: group.name, title: group.title }),
      ),
      "the guest's team among the owners",
    ).toBeVisible();
    const openRow = cu.rowWith(cu.entities(page), cu.entityName(openEntity));
    await visible(page, openRow, `${openEntity.name} among the open entities`);
    await expect(openRow, 'with the checks it needs').toContainText(
      openCheckTitle,
    );
    await settle(page);
    await screenshot(page, 'campaign');
    await openRow
      .getByRole('link', { name: cu.entityName(openEntity) })
      .click();
    await page.waitForURL(`**${entityPath(openEntity)}**`, {
      timeout: 45_000,
    });
  });

  await test.step("the entity's Readiness tab shows the campaign", async () => {
    await openReadinessTab(page, openEntity);
    const items = cu.entityCampaigns(page);
    await visible(page, items, `the campaigns of ${openEntity.name}`);
    await expect(items, 'the running campaign and what it needs').toContainText(
      running.title,
    );
    await expect(items).toContainText(openCheckTitle);
    await settle(page);
    await screenshot(page, 'campaign-entity-item', items);
  });

  await test.step("the team's Group page card", async () => {
    const card = await openTeamCard(page);
    await expect(
      cu.teamItem(card, running.title),
      'the running campaign among the items due',
    ).toBeVisible();
    await expect(
      cu.teamItem(card, cu.entityName(regressed)).filter({
        hasText: 'Gold → Silver',
      }),
      `the level drop of ${regressed.name}`,
    ).toBeVisible();
    await settle(page);
    await screenshot(page, 'group-card', card);
  });
});

test('notifications: the Readiness digest of the demo regression', async ({
  guestPage: page,
}) => {
  // The digest job sends a few minutes after start-up (app-config.yaml).
  test.setTimeout(timeouts.notificationMs + timeouts.uiMs * 2);
  const title = await waitForNotification(/^Readiness: .*regress/);
  await open(page, paths.notifications);
  await visible(
    page,
    cu.notification(page, title),
    `the notification "${title}" on ${paths.notifications}`,
  );
  await settle(page);
  await screenshot(page, 'notifications');
});
