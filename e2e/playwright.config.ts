/*
 * The end-to-end suite (`yarn test:e2e`): the app starts once (globalSetup)
 * with the demo organisation; each spec signs in as guest in its own browser
 * context, in Debian's Chromium (no Playwright browser download).
 */
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath, timeouts } from './support/demo';

/** A test: sign-in, the evaluation if the backend restarted, a few pages. */
const TEST_TIMEOUT_MS = 4 * 60_000;

export default defineConfig({
  testDir: 'specs',
  outputDir: 'test-results',
  globalSetup: require.resolve('./globalSetup'),
  // One dev server on a small machine: tests run one after another.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  timeout: TEST_TIMEOUT_MS,
  expect: { timeout: timeouts.uiMs },
  reporter: [['list']],
  use: {
    viewport: { width: 1400, height: 1000 },
    reducedMotion: 'reduce',
    colorScheme: 'light',
    navigationTimeout: timeouts.uiMs,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: chromiumArgs,
    },
  },
  projects: [{ name: 'chromium' }],
});
