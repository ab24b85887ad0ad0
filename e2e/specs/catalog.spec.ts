import { test } from '../support/fixtures';
import { screenshot, settle } from '../support/screenshots';
import { openCatalogAsGuest } from '../support/session';

test('guest signs in and sees the catalog', async ({ page }) => {
  await openCatalogAsGuest(page);
  await settle(page);
  await screenshot(page, 'catalog');
});
