/*
 * Opening the app's pages and waiting for what they show, signed in as
 * guest. The backend restarts whenever a file it loaded changes, and the
 * browser's session with it, so waits sign in again when the sign-in page
 * comes back.
 */
import type { Locator, Page } from '@playwright/test';
import { backendReady } from './backendApi';
import { frontendUrl, paths, timeouts } from './demo';
import { ui } from './selectors';
import { warn } from './warnings';

const SIGN_IN_ATTEMPTS = 3;
const SIGN_IN_HIDDEN_MS = 15_000;
/** Times a wait signs in again before it gives up. */
const MAX_SIGN_INS_PER_WAIT = 2;

export async function open(page: Page, route: string) {
  await page.goto(`${frontendUrl}${route}`, { waitUntil: 'domcontentloaded' });
}

/**
 * Clicks the guest "Enter" button until the sign-in page goes away: up to
 * three times, each after the backend answers, since signing in fails while
 * the backend (re)starts.
 */
export async function signInAsGuest(page: Page) {
  const enter = ui.guestEnterButton(page);
  for (let attempt = 1; ; attempt++) {
    await backendReady({ timeoutMs: timeouts.appStartMs });
    await enter.click();
    try {
      await enter.waitFor({ state: 'hidden', timeout: SIGN_IN_HIDDEN_MS });
      return;
    } catch {
      if (attempt === SIGN_IN_ATTEMPTS) {
        throw new Error(
          `the sign-in page stays after ${SIGN_IN_ATTEMPTS} clicks on "Enter"`,
        );
      }
      warn(
        `signing in as guest failed, attempt ${attempt} of ${SIGN_IN_ATTEMPTS}`,
      );
    }
  }
}

/**
 * Waits for an element to be visible, failing with a readable message, and
 * at once when the app shows its "page not found" page instead. When the app
 * shows its sign-in page instead, signs in as guest again, up to twice, with
 * a warning.
 */
export async function visible(
  page: Page,
  locator: Locator,
  what: string,
  timeout = timeouts.uiMs,
) {
  const target = locator.first();
  const notFound = ui.notFound(page);
  const signIn = ui.guestEnterButton(page);
  const deadline = Date.now() + timeout;
  let signIns = 0;
  for (;;) {
    try {
      await target
        .or(notFound)
        .or(signIn)
        .first()
        .waitFor({
          state: 'visible',
          timeout: Math.max(deadline - Date.now(), 1),
        });
    } catch {
      throw new Error(`${what} did not show within ${timeout / 1000} s`);
    }
    if (await target.isVisible()) {
      return;
    }
    const { pathname } = new URL(page.url());
    if (await notFound.isVisible()) {
      throw new Error(
        `${what}: the app answers "page not found" at ${pathname}`,
      );
    }
    if (await signIn.isVisible()) {
      if (signIns === MAX_SIGN_INS_PER_WAIT) {
        throw new Error(`${what}: the app keeps asking to sign in`);
      }
      signIns += 1;
      warn(
        `the app asked to sign in again at ${pathname} (did the backend restart?); signed in as guest again`,
      );
      await signInAsGuest(page);
    }
  }
}

/** Opens the home page and signs in as guest: the catalog shows. */
export async function openCatalogAsGuest(page: Page) {
  await open(page, paths.home);
  await visible(page, ui.guestEnterButton(page), 'the guest "Enter" button');
  await signInAsGuest(page);
  await visible(page, ui.catalogHeading(page), 'the catalog heading');
}
