import { test } from '../support/fixtures';
import { service } from '../support/demo';
import { openReadinessTab } from '../support/navigation';
import { screenshot, settle } from '../support/screenshots';
import { ui } from '../support/selectors';
import { visible } from '../support/session';

test('Readiness tab on the entity page', async ({ guestPage: page }) => {
  const main = await openReadinessTab(page);
  await visible(
    page,
    ui.scoreText(main),
    `"${service.score} / 100" on the tab`,
  );
  await visible(
    page,
    ui.levelText(main),
    `"Level: ${service.level}" on the tab`,
  );
  await settle(page);
  await screenshot(page, 'readiness-tab');
});
