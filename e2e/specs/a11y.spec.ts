/*
 * axe (WCAG 2 A and AA) on each Readiness page: a serious or critical
 * violation inside the Readiness markup fails the test; the rest of the
 * page's violations are warnings. Each test first waits for its page's content and
 * its progress indicators, as a user would see it.
 */
import { test } from '../support/fixtures';
import { expectAccessible } from '../support/a11y';
import { campaignUi } from '../support/campaignSelectors';
import {
  openCampaignPage,
  openCampaignsPage,
  openExemptionsPage,
  openLeaderboard,
  openReadinessTab,
  openScorecardPage,
  openServicePage,
  openTeamCard,
} from '../support/navigation';
import { settle } from '../support/screenshots';
import { ui } from '../support/selectors';

test('service page: accessibility', async ({ guestPage: page }) => {
  await openServicePage(page);
  await settle(page);
  await expectAccessible(page, 'service page', ui.readinessCard(page));
});

test('Readiness tab: accessibility', async ({ guestPage: page }) => {
  await openReadinessTab(page);
  await settle(page);
  await expectAccessible(page, 'Readiness tab', ui.readinessTabContent(page));
});

test('leaderboard: accessibility', async ({ guestPage: page }) => {
  await openLeaderboard(page);
  await settle(page);
  await expectAccessible(page, 'leaderboard', ui.readinessPageContent(page));
});

test('scorecard page: accessibility', async ({ guestPage: page }) => {
  await openScorecardPage(page);
  await settle(page);
  await expectAccessible(page, 'scorecard page', ui.readinessPageContent(page));
});

test('exemptions page: accessibility', async ({ guestPage: page }) => {
  await openExemptionsPage(page);
  await settle(page);
  await expectAccessible(
    page,
    'exemptions page',
    ui.readinessPageContent(page),
  );
});

test('campaigns page: accessibility', async ({ guestPage: page }) => {
  await openCampaignsPage(page);
  await settle(page);
  await expectAccessible(page, 'campaigns page', ui.readinessPageContent(page));
});

test('campaign page: accessibility', async ({ guestPage: page }) => {
  await openCampaignPage(page);
  await settle(page);
  await expectAccessible(page, 'campaign page', ui.readinessPageContent(page));
});

test('team card on a Group page: accessibility', async ({
  guestPage: page,
}) => {
  await openTeamCard(page);
  await settle(page);
  await expectAccessible(page, 'team card', campaignUi.teamCard(page));
});
