/*
 * Screenshots of the Readiness pages, saved in e2e/screenshots/ (committed,
 * for the README and reviews).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { root } from './appProcess';
import { warn } from './warnings';

export const screenshotsDir = path.join(root, 'e2e', 'screenshots');

const SPINNERS_MAX_MS = 15_000;
const SPINNER_POLL_MS = 250;
const SETTLE_MS = 500;
const RESIZE_SETTLE_MS = 300;
const RESIZE_ROUNDS = 3;
/** Room below the lowest scrolling content, in CSS pixels. */
const BOTTOM_MARGIN_PX = 24;
const MAX_HEIGHT_PX = 8000;

/**
 * Lets progress indicators finish before a screenshot, with the mouse out of
 * the way of tooltips.
 */
export async function settle(page: Page) {
  const size = page.viewportSize();
  if (size) {
    await page.mouse.move(size.width - 1, size.height - 1);
  }
  const spinners = page.locator('[role="progressbar"]');
  const deadline = Date.now() + SPINNERS_MAX_MS;
  while ((await spinners.count()) > 0 && Date.now() < deadline) {
    await page.waitForTimeout(SPINNER_POLL_MS);
  }
  await page.waitForTimeout(SETTLE_MS);
}

/**
 * Runs fn with the viewport as tall as the page's content. Backstage pages
 * scroll inside elements as tall as the window (the entity page's sticky
 * column of info cards, the sidebar), which a plain full-page screenshot
 * cuts off.
 */
async function withTallViewport<T>(page: Page, fn: () => Promise<T>) {
  const original = page.viewportSize();
  if (!original) {
    return fn();
  }
  try {
    for (let round = 0; round < RESIZE_ROUNDS; round++) {
      const needed = await page.evaluate(margin => {
        let bottom = document.documentElement.scrollHeight;
        for (const el of Array.from(document.querySelectorAll('body *'))) {
          const { overflowY } = getComputedStyle(el);
          if (
            /auto|scroll/.test(overflowY) &&
            el.scrollHeight > el.clientHeight + 1
          ) {
            const top = el.getBoundingClientRect().top + window.scrollY;
            bottom = Math.max(bottom, top + el.scrollHeight + margin);
          }
        }
        return Math.ceil(bottom);
      }, BOTTOM_MARGIN_PX);
      const height = Math.min(Math.max(needed, original.height), MAX_HEIGHT_PX);
      if (height === page.viewportSize()?.height) {
        break;
      }
      await page.setViewportSize({ width: original.width, height });
      await page.waitForTimeout(RESIZE_SETTLE_MS);
    }
    return await fn();
  } finally {
    await page.setViewportSize(original);
  }
}

/**
 * Elements that show this checkout's absolute path (a scorecard's source,
 * say). Screenshots are committed, so they mask them, with a warning.
 */
async function machinePaths(page: Page, name: string) {
  const leaks = page.getByText(root);
  const count = await leaks.count();
  if (count > 0) {
    warn(
      `${name}: ${count} element(s) show this machine's path (${root}); masked in the screenshot`,
    );
  }
  return [leaks];
}

/**
 * Screenshot of the whole page, saved as e2e/screenshots/<name>.png, or of
 * one element when given.
 *
 * @returns the file, relative to the repository
 */
export async function screenshot(
  page: Page,
  name: string,
  element?: Locator,
): Promise<string> {
  fs.mkdirSync(screenshotsDir, { recursive: true });
  const file = path.join(screenshotsDir, `${name}.png`);
  await withTallViewport(page, async () => {
    const common = {
      path: file,
      animations: 'disabled' as const,
      mask: await machinePaths(page, name),
    };
    await (element
      ? element.first().screenshot(common)
      : page.screenshot({ ...common, fullPage: true }));
  });
  return path.relative(root, file);
}
