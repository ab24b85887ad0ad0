import { test } from '../support/fixtures';
import { openLeaderboard } from '../support/navigation';
import { screenshot, settle } from '../support/screenshots';

test('leaderboard page', async ({ guestPage: page }) => {
  await openLeaderboard(page);
  await settle(page);
  await screenshot(page, 'leaderboard');
});
