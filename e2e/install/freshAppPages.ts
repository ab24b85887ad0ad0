/*
 * What a user of the fresh app sees, in Chromium: the Readiness card and
 * tab on the app's own example component, and the leaderboard at
 * /readiness. Screenshots go to e2e/screenshots/install-*.png.
 */
import {
  chromium,
  type Browser,
  type Locator,
  type Page,
} from '@playwright/test';
import path from 'node:path';
import { root } from '../support/appProcess';
import {
  chromiumArgs,
  chromiumPath,
  frontendUrl,
  timeouts,
} from '../support/demo';
import { signInAsGuest, visible } from '../support/session';
import { ui } from '../support/selectors';

/** create-app's example component (examples/entities.yaml). */
export const EXAMPLE_ENTITY = {
  name: 'example-website',
  path: '/catalog/default/component/example-website',
};
const PRODUCTION_READINESS = 'Production Readiness';

export async function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
}

/** The viewport, scrolled to what the check is about. */
async function screenshot(page: Page, name: string, subject: Locator) {
  await subject.first().scrollIntoViewIfNeeded();
  await page.screenshot({
    path: path.join(root, 'e2e', 'screenshots', `install-${name}.png`),
  });
}

async function signedInPage(browser: Browser) {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 1000 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(timeouts.uiMs);
  await page.goto(frontendUrl, { waitUntil: 'domcontentloaded' });
  // The legacy app's sign-in page may sign a returning guest in by itself.
  const enter = ui.guestEnterButton(page);
  await visible(
    page,
    enter.or(page.getByRole('navigation')),
    'the sign-in page or the app',
  );
  if (await enter.isVisible()) {
    await signInAsGuest(page);
  }
  return page;
}

const scoreOf = (title: string) => new RegExp(`^${title} score$`);

/**
 * The card on the example component's overview: a score for Production
 * Readiness and, when `levelOf` names a scorecard, its level.
 */
async function checkCard(
  page: Page,
  app: string,
  levelOf?: { title: string; level: string },
) {
  await page.goto(`${frontendUrl}${EXAMPLE_ENTITY.path}`);
  const card = ui.readinessCard(page);
  await visible(
    page,
    card,
    `${app}: the Readiness card`,
    timeouts.evaluationMs,
  );
  await visible(
    page,
    card.getByRole('meter', { name: scoreOf(PRODUCTION_READINESS) }),
    `${app}: the card's ${PRODUCTION_READINESS} score`,
    timeouts.evaluationMs,
  );
  await visible(
    page,
    card.getByText(/^\d+ \/ 100$/),
    `${app}: a score out of 100`,
  );
  await visible(
    page,
    card.getByText(/^(Level: \w+|No level yet)$/),
    `${app}: the level`,
  );
  if (levelOf) {
    await visible(
      page,
      card.getByRole('meter', { name: scoreOf(levelOf.title) }),
      `${app}: the card's ${levelOf.title} score`,
      timeouts.evaluationMs,
    );
    await visible(
      page,
      card.getByText(`Level: ${levelOf.level}`, { exact: true }),
      `${app}: level ${levelOf.level} on ${levelOf.title}`,
    );
  }
  await screenshot(page, `${app}-card`, card);
}

/** The Readiness tab: checks, and remediation of a failing one. */
async function checkTab(page: Page, app: string, checkTitle?: string) {
  await page.goto(`${frontendUrl}${EXAMPLE_ENTITY.path}/readiness`);
  await visible(
    page,
    ui.readinessTabContent(page),
    `${app}: the Readiness tab`,
  );
  // example-website has no description: that check fails, with its fix.
  await visible(
    page,
    page.getByText('Has a description'),
    `${app}: the check "Has a description"`,
  );
  await page.getByText('Has a description').first().click();
  await visible(
    page,
    page.getByText(/add `?metadata\.description`?/),
    `${app}: the remediation of "Has a description"`,
  );
  if (checkTitle) {
    await visible(
      page,
      page.getByText(checkTitle),
      `${app}: the check "${checkTitle}"`,
    );
  }
  await screenshot(page, `${app}-tab`, ui.readinessTabContent(page));
}

/**
 * /readiness from the sidebar item the plugin adds: the Production Readiness
 * leaderboard ranks the app's owners.
 */
async function checkLeaderboard(page: Page, app: string) {
  await page.goto(frontendUrl);
  const sidebar = ui.sidebarReadinessLink(page);
  await visible(page, sidebar, `${app}: a "Readiness" item in the sidebar`);
  await sidebar.click();
  const tab = ui.leaderboardTab(page);
  await visible(page, tab, `${app}: a "Leaderboards" tab on /readiness`);
  await tab.click();
  const select = ui.leaderboardScorecardSelect(page);
  await visible(page, select, `${app}: the leaderboard's "Scorecard" select`);
  await select.click();
  await ui.selectOption(page, PRODUCTION_READINESS).click();
  const row = page
    .getByRole('tabpanel')
    .getByRole('row')
    .filter({ hasText: /guests/ });
  await visible(
    page,
    row,
    `${app}: a ${PRODUCTION_READINESS} leaderboard row for the owner "guests"`,
    timeouts.evaluationMs,
  );
  await screenshot(page, `${app}-leaderboard`, row);
}

export async function checkNewFrontendApp(
  browser: Browser,
  httpCheck: { scorecardTitle: string; checkTitle: string },
) {
  const page = await signedInPage(browser);
  await checkCard(page, 'new-app', {
    title: httpCheck.scorecardTitle,
    level: 'Bronze',
  });
  await checkTab(page, 'new-app', httpCheck.checkTitle);
  await checkLeaderboard(page, 'new-app');
  await page.context().close();
}

/**
 * /readiness in the legacy app (the route the README adds): the scorecards
 * in force, each linking to its page.
 */
async function checkReadinessPage(page: Page, app: string) {
  await page.goto(`${frontendUrl}/readiness`);
  await visible(
    page,
    page
      .getByRole('tabpanel')
      .getByRole('link', { name: PRODUCTION_READINESS, exact: true }),
    `${app}: ${PRODUCTION_READINESS} listed on /readiness`,
  );
  await screenshot(page, `${app}-readiness-page`, page.getByRole('tabpanel'));
}

export async function checkLegacyApp(browser: Browser) {
  const page = await signedInPage(browser);
  // Only the legacy template's entity page has a CI/CD tab: this is the
  // legacy app, not the new one still answering on the port.
  await page.goto(`${frontendUrl}${EXAMPLE_ENTITY.path}`);
  await visible(
    page,
    page
      .getByRole('tab', { name: 'CI/CD' })
      .or(page.getByText('CI/CD', { exact: true })),
    'legacy-app: the legacy entity page (its CI/CD tab)',
  );
  await checkCard(page, 'legacy-app');
  await checkTab(page, 'legacy-app');
  await checkReadinessPage(page, 'legacy-app');
  await page.context().close();
}
