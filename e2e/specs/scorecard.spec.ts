import { test } from '../support/fixtures';
import { levels } from '../support/demo';
import { openScorecardPage } from '../support/navigation';
import { screenshot, settle } from '../support/screenshots';
import { ui } from '../support/selectors';
import { visible } from '../support/session';

test('scorecard page', async ({ guestPage: page }) => {
  await openScorecardPage(page);
  for (const level of levels) {
    await visible(page, ui.scorecardLevel(page, level), `the level "${level}"`);
  }
  await settle(page);
  await screenshot(page, 'scorecard');
});
