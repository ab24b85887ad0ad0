/*
 * The suite's `test`: every test gets its own browser context and page
 * (Playwright's default), page errors become warnings, and `guestPage` is
 * that page signed in as guest on the catalog, once the backend has scored
 * the demo organisation (again, if it restarted since).
 */
import { test as base, type Page } from '@playwright/test';
import { waitForEvaluation } from './backendApi';
import { openCatalogAsGuest } from './session';
import { warn } from './warnings';

export const test = base.extend<{ guestPage: Page }>({
  page: async ({ page }, use) => {
    page.on('pageerror', error =>
      warn(`page error: ${error.message.split('\n')[0]}`),
    );
    await use(page);
  },
  guestPage: async ({ page }, use) => {
    await waitForEvaluation();
    await openCatalogAsGuest(page);
    await use(page);
  },
});

export { expect } from '@playwright/test';
