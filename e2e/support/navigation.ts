/*
 * The ways to the Readiness pages, as a user goes there: each starts from
 * a page signed in as guest and ends when the page's Readiness content
 * shows. Shared by the feature specs and the accessibility spec.
 */
import { expect, type Page } from '@playwright/test';
import { campaignUi } from './campaignSelectors';
import {
  demoCampaigns,
  entityPath,
  guestTeam,
  paths,
  service,
  timeouts,
  type DemoEntity,
} from './demo';
import { exemptionUi } from './exemptionSelectors';
import { ui } from './selectors';
import { open, visible } from './session';

/** The service's entity page, its Readiness card showing a score meter. */
export async function openServicePage(page: Page) {
  await open(page, paths.entity);
  await visible(page, ui.entityHeading(page), `the ${service.title} page`);
  const card = ui.readinessCard(page);
  await visible(page, card, 'the Readiness card');
  await visible(page, ui.scoreMeter(card), 'the score meter in the card');
  return card;
}

/**
 * An entity's Readiness tab (the service's unless told), opened from the
 * entity page's tab bar.
 */
export async function openReadinessTab(
  page: Page,
  entity: DemoEntity = service,
) {
  await open(page, entityPath(entity));
  await visible(
    page,
    ui.entityHeading(page, entity.title),
    `the ${entity.title} page`,
  );
  const tab = ui.readinessTabLink(page);
  await visible(
    page,
    tab,
    'a "Readiness" tab on the entity page',
    timeouts.linkMs,
  );
  await tab.click();
  await page.waitForURL(`**${entityPath(entity)}/readiness`, {
    timeout: timeouts.uiMs,
  });
  const main = page.locator('main');
  await visible(
    page,
    ui.scoreMeter(main),
    `the ${service.scorecardTitle} score meter`,
  );
  return main;
}

/**
 * The production-readiness leaderboard: the sidebar's Readiness item, the
 * "Leaderboards" tab, then the scorecard chosen in its select.
 */
export async function openLeaderboard(page: Page) {
  await open(page, paths.home);
  await visible(page, ui.catalogHeading(page), 'the catalog heading');
  const sidebar = ui.sidebarReadinessLink(page);
  await visible(
    page,
    sidebar,
    'a "Readiness" item in the sidebar',
    timeouts.linkMs,
  );
  await sidebar.click();
  await page.waitForURL(`**${paths.readiness}**`, { timeout: timeouts.uiMs });
  const tab = ui.leaderboardTab(page);
  await visible(page, tab, `a "Leaderboards" tab on ${paths.readiness}`);
  await tab.click();
  await expect(tab, 'the "Leaderboards" tab to be selected').toHaveAttribute(
    'aria-selected',
    'true',
    { timeout: timeouts.linkMs },
  );
  await visible(page, ui.leaderboardTable(page), 'a table ranking demo owners');
  const select = ui.leaderboardScorecardSelect(page);
  await visible(page, select, 'the leaderboard\'s "Scorecard" select');
  await select.first().click();
  await ui.selectOption(page, service.scorecardTitle).click();
  await visible(
    page,
    ui.leaderboardProductionRow(page),
    `the ${service.scorecardTitle} leaderboard (a "Data Team" row)`,
  );
}

/** The scorecard's page, opened from its link on /readiness. */
export async function openScorecardPage(page: Page) {
  await open(page, paths.readiness);
  const link = ui.scorecardLink(page);
  await visible(
    page,
    link,
    `a link named "${service.scorecardTitle}" on ${paths.readiness}`,
  );
  await link.click();
  await visible(
    page,
    ui.scorecardHeading(page),
    `a "${service.scorecardTitle}" heading`,
  );
}

/** /readiness/exemptions, its pending exemptions listed. */
export async function openExemptionsPage(page: Page) {
  await open(page, paths.exemptions);
  await visible(
    page,
    exemptionUi.exemptionsTable(page),
    `the exemptions table on ${paths.exemptions}`,
  );
}

/** /readiness/campaigns, the running demo campaign listed. */
export async function openCampaignsPage(page: Page) {
  await open(page, paths.campaigns);
  const { title } = demoCampaigns.running;
  await visible(
    page,
    campaignUi.campaignRow(page, title),
    `a row for "${title}" on ${paths.campaigns}`,
  );
}

/** The running demo campaign's page, opened from its link on the list. */
export async function openCampaignPage(page: Page) {
  await openCampaignsPage(page);
  const { name, title } = demoCampaigns.running;
  await campaignUi
    .campaignLink(campaignUi.campaignRow(page, title), title)
    .click();
  await page.waitForURL(`**${paths.campaign(name)}`, {
    timeout: timeouts.uiMs,
  });
  await visible(
    page,
    campaignUi.burnUp(page),
    `the burn-up of "${title}" on ${paths.campaign(name)}`,
  );
}

/**
 * The guest's team's Group page, its Readiness card showing the service's
 * scorecard, chosen in the card's select.
 */
export async function openTeamCard(page: Page) {
  const path = entityPath(guestTeam.group);
  await open(page, path);
  const card = campaignUi.teamCard(page);
  await visible(page, card, `the Readiness card on ${path}`);
  const select = campaignUi.teamScorecardSelect(card);
  await visible(page, select, 'the card\'s "Scorecard" select');
  await select.click();
  await ui.selectOption(page, service.scorecardTitle).click();
  await visible(page, campaignUi.teamMembers(card), "the team's entities");
  return card;
}
