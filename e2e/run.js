#!/usr/bin/env node
// @ts-check
/*
 * End-to-end run (`yarn test:e2e`): installs Debian Chromium if it is
 * missing, starts the app with the demo organisation as `yarn start` does,
 * signs in as guest and walks the Readiness UI with playwright-core: the card
 * on a service page, the entity's Readiness tab, a leaderboard and a
 * scorecard page. Each page gets an axe-core check and a screenshot in
 * e2e/screenshots/. Prints a line per step and `steps: N passed, N failed`;
 * exits 1 when a step fails. Selectors and expectations: e2e/config.js.
 */
const fs = require('node:fs');
const path = require('node:path');
const config = require('./config');
const {
  root,
  ensureChromium,
  assertPortsFree,
  backendCrash,
  backendRestarts,
  startApp,
  waitFor,
  fetchWithTimeout,
  guestToken,
  tail,
} = require('./app');
const { runAxe, describeViolation } = require('./a11y');

const { ui, service, timeouts } = config;
const screenshotsDir = path.join(__dirname, 'screenshots');
const failuresDir = path.join(__dirname, 'failures');
const appLog = path.join(__dirname, 'app.log');
const relative = (/** @type {string} */ file) => path.relative(root, file);
const viewport = { width: 1400, height: 1000 };

/**
 * @typedef {{ title: string, needs?: string[], run: () => Promise<string | void> }} Step
 * @typedef {'passed' | 'failed' | 'skipped'} Outcome
 */

/** @type {Step[]} */
const steps = [];
/** @type {Map<string, Outcome>} */
const outcomes = new Map();
/** @type {string[]} */
const warnings = [];

/**
 * Declares a step; it is skipped when a step it needs did not pass.
 *
 * @param {string} title
 * @param {string[]} needs
 * @param {() => Promise<string | void>} run
 */
function step(title, needs, run) {
  steps.push({ title, needs, run });
}

/** Shared between steps. */
const state = {
  /** @type {ReturnType<typeof startApp> | undefined} */
  app: undefined,
  /** @type {import('playwright-core').Browser | undefined} */
  browser: undefined,
  /** @type {import('playwright-core').Page | undefined} */
  page: undefined,
  /** @type {string | undefined} */
  token: undefined,
};

function page() {
  if (!state.page) {
    throw new Error('no browser page');
  }
  return state.page;
}

/** @param {string} route */
async function open(route) {
  await page().goto(`${config.frontendUrl}${route}`, {
    waitUntil: 'domcontentloaded',
  });
}

/**
 * Waits for an element to be visible, failing with a readable message, and
 * at once when the app shows its "page not found" page instead. When the app
 * shows its sign-in page instead (the session is lost when the backend
 * restarts), signs in as guest again, up to twice, with a warning.
 *
 * @param {import('playwright-core').Locator} locator
 * @param {string} what
 * @param {number} [timeout]
 */
async function visible(locator, what, timeout = timeouts.uiMs) {
  const target = locator.first();
  const notFound = ui.notFound(page());
  const signIn = ui.guestEnterButton(page());
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
    const { pathname } = new URL(page().url());
    if (await notFound.isVisible()) {
      throw new Error(
        `${what}: the app answers "page not found" at ${pathname}`,
      );
    }
    if (await signIn.isVisible()) {
      if (signIns === 2) {
        throw new Error(`${what}: the app keeps asking to sign in`);
      }
      signIns += 1;
      warnings.push(
        `the app asked to sign in again at ${pathname} (did the backend restart?); signed in as guest again`,
      );
      await signInAsGuest();
    }
  }
}

/**
 * Clicks the guest "Enter" button until the sign-in page goes away: up to
 * three times, each after the backend answers, since signing in fails while
 * the backend (re)starts.
 */
async function signInAsGuest() {
  const enter = ui.guestEnterButton(page());
  for (let attempt = 1; ; attempt++) {
    await waitFor(
      'backend readiness',
      async () =>
        (
          await fetchWithTimeout(
            `${config.backendUrl}/.backstage/health/v1/readiness`,
          )
        ).ok,
      { timeoutMs: timeouts.appStartMs, intervalMs: 1000 },
    );
    await enter.click();
    try {
      await enter.waitFor({ state: 'hidden', timeout: 15_000 });
      return;
    } catch {
      if (attempt === 3) {
        throw new Error('the sign-in page stays after 3 clicks on "Enter"');
      }
      warnings.push(`signing in as guest failed, attempt ${attempt} of 3`);
    }
  }
}

/**
 * Lets progress indicators finish before a screenshot, with the mouse out of
 * the way of tooltips.
 */
async function settle() {
  const size = page().viewportSize() ?? viewport;
  await page().mouse.move(size.width - 1, size.height - 1);
  const spinners = page().locator('[role="progressbar"]');
  const deadline = Date.now() + 15_000;
  while ((await spinners.count()) > 0 && Date.now() < deadline) {
    await page().waitForTimeout(250);
  }
  await page().waitForTimeout(500);
}

/**
 * Runs fn with the viewport as tall as the page's content. Backstage pages
 * scroll inside elements as tall as the window (the entity page's sticky
 * column of info cards, the sidebar), which a plain full-page screenshot
 * cuts off.
 *
 * @template T
 * @param {() => Promise<T>} fn
 * @returns {Promise<T>}
 */
async function withTallViewport(fn) {
  const original = page().viewportSize() ?? viewport;
  try {
    for (let round = 0; round < 3; round++) {
      const needed = await page().evaluate(() => {
        let bottom = document.documentElement.scrollHeight;
        for (const el of Array.from(document.querySelectorAll('body *'))) {
          const { overflowY } = getComputedStyle(el);
          if (
            /auto|scroll/.test(overflowY) &&
            el.scrollHeight > el.clientHeight + 1
          ) {
            const top = el.getBoundingClientRect().top + window.scrollY;
            bottom = Math.max(bottom, top + el.scrollHeight + 24);
          }
        }
        return Math.ceil(bottom);
      });
      const height = Math.min(Math.max(needed, original.height), 8000);
      if (height === page().viewportSize()?.height) {
        break;
      }
      await page().setViewportSize({ width: original.width, height });
      await page().waitForTimeout(300);
    }
    return await fn();
  } finally {
    await page().setViewportSize(original);
  }
}

/**
 * Elements that show this checkout's absolute path (a scorecard's source,
 * say). Screenshots are committed, so they mask them, with a warning.
 *
 * @param {string} name the screenshot's name, for the warning
 */
async function machinePaths(name) {
  const leaks = page().getByText(root);
  const count = await leaks.count();
  if (count > 0) {
    warnings.push(
      `${name}: ${count} element(s) show this machine's path (${root}); masked in the screenshot`,
    );
  }
  return [leaks];
}

/**
 * Screenshot of the whole page, saved as <dir>/<name>.png, or of one
 * element when given.
 *
 * @param {string} name
 * @param {{ dir?: string, element?: import('playwright-core').Locator }} [options]
 */
async function screenshot(name, options = {}) {
  const { dir = screenshotsDir, element } = options;
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await withTallViewport(async () => {
    const common = {
      path: file,
      animations: /** @type {const} */ ('disabled'),
      mask: await machinePaths(name),
    };
    await (element
      ? element.first().screenshot(common)
      : page().screenshot({ ...common, fullPage: true }));
  });
  return relative(file);
}

/**
 * Runs axe on the page: serious or critical violations inside the scope fail
 * the step, everything else is printed as a warning.
 *
 * @param {string} label
 * @param {import('playwright-core').Locator} scope
 */
async function accessibility(label, scope) {
  const report = await runAxe(page(), scope, config.axeTags);
  const failing = report.inside.filter(v =>
    config.failingImpacts.includes(v.impact ?? ''),
  );
  for (const v of report.inside.filter(x => !failing.includes(x))) {
    warnings.push(`${label}, Readiness markup: ${describeViolation(v)}`);
  }
  for (const v of report.outside) {
    warnings.push(`${label}, rest of the page: ${describeViolation(v)}`);
  }
  if (failing.length > 0) {
    const list = failing.map(v => `    ${describeViolation(v)}`).join('\n');
    throw new Error(
      `${failing.length} serious or critical violation(s) in the Readiness markup:\n${list}`,
    );
  }
  const elsewhere = report.outside.length
    ? `; ${report.outside.length} rule(s) violated elsewhere on the page (warnings below)`
    : '';
  return `no serious or critical violations in the Readiness markup${elsewhere}`;
}

/** The service's production-readiness result from the API. */
async function serviceResult() {
  const { kind, namespace, name, scorecardId } = service;
  const response = await fetchWithTimeout(
    `${config.backendUrl}/api/readiness/entities/${kind}/${namespace}/${name}`,
    { headers: { authorization: `Bearer ${state.token}` } },
  );
  if (!response.ok) {
    throw new Error(`GET readiness of ${name} answered ${response.status}`);
  }
  const body = await response.json();
  const result = body.scorecards.find(
    (/** @type {any} */ r) => r.scorecard.id === scorecardId,
  );
  if (!result) {
    throw new Error(`${name} has no ${scorecardId} result`);
  }
  return /** @type {{ score: number, level: string | null }} */ (result);
}

// ---------------------------------------------------------------- the steps

step('Chromium is installed', [], async () =>
  ensureChromium(config.chromiumPath),
);

/**
 * `--reuse-app`: test an app that is already running (started with
 * `yarn start`) instead of starting one; for working on the tests.
 */
const reuseApp = process.argv.includes('--reuse-app');

step('ports 3000 and 7007 are free', [], async () =>
  reuseApp
    ? 'not checked: --reuse-app tests the app already running'
    : assertPortsFree(config.ports),
);

step(
  'the app starts (yarn start)',
  ['ports 3000 and 7007 are free'],
  async () => {
    const started = Date.now();
    if (!reuseApp) {
      state.app = startApp(appLog);
    }
    const abort = () =>
      state.app?.exitReason() ?? (state.app ? backendCrash(appLog) : undefined);
    const options = {
      timeoutMs: reuseApp ? 5000 : timeouts.appStartMs,
      intervalMs: 1000,
      abort,
    };
    await waitFor(
      'backend readiness',
      async () =>
        (
          await fetchWithTimeout(
            `${config.backendUrl}/.backstage/health/v1/readiness`,
          )
        ).ok,
      options,
    );
    await waitFor(
      'frontend',
      async () => (await fetchWithTimeout(`${config.frontendUrl}/`)).ok,
      options,
    );
    if (reuseApp) {
      return 'the running app answers (--reuse-app)';
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    return `backend and frontend answer after ${seconds} s (log: ${relative(
      appLog,
    )})`;
  },
);

step(
  'the backend has evaluated the demo organisation',
  ['the app starts (yarn start)'],
  async () => {
    state.token = await guestToken(config.backendUrl);
    const scored = await waitFor(
      'evaluation',
      async () => {
        const response = await fetchWithTimeout(
          `${config.backendUrl}/api/readiness/scorecards`,
          { headers: { authorization: `Bearer ${state.token}` } },
        );
        if (!response.ok) {
          throw new Error(`GET /api/readiness/scorecards: ${response.status}`);
        }
        const { items } = await response.json();
        const card = items.find(
          (/** @type {any} */ s) => s.id === service.scorecardId,
        );
        if (!card) {
          throw new Error(`no ${service.scorecardId} scorecard`);
        }
        if (card.entities < config.minimumScoredEntities) {
          throw new Error(`${card.entities} entities scored`);
        }
        return card;
      },
      { timeoutMs: timeouts.evaluationMs, intervalMs: 2000 },
    );
    return `${scored.entities} entities on ${
      service.scorecardId
    }, levels ${JSON.stringify(scored.levelCounts)}`;
  },
);

step('Chromium starts', ['Chromium is installed'], async () => {
  const { chromium } = require('playwright-core');
  state.browser = await chromium.launch({
    executablePath: config.chromiumPath,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  const context = await state.browser.newContext({
    viewport,
    reducedMotion: 'reduce',
    colorScheme: 'light',
  });
  state.page = await context.newPage();
  state.page.on('pageerror', error =>
    warnings.push(`page error: ${error.message.split('\n')[0]}`),
  );
  return `Chromium ${state.browser.version()}`;
});

step(
  'guest signs in and sees the catalog',
  ['the app starts (yarn start)', 'Chromium starts'],
  async () => {
    await open(config.paths.home);
    const enter = ui.guestEnterButton(page());
    await visible(enter, 'the guest "Enter" button');
    await signInAsGuest();
    await visible(ui.catalogHeading(page()), 'the catalog heading');
    await settle();
    return `screenshot ${await screenshot('catalog')}`;
  },
);

step(
  'service page: the Readiness card shows score and level',
  ['guest signs in and sees the catalog'],
  async () => {
    const api = await serviceResult();
    const apiScore = Math.round(api.score);
    if (
      apiScore !== service.score ||
      api.level !== service.level.toLowerCase()
    ) {
      throw new Error(
        `the API gives ${service.name} ${apiScore} / 100, level ${api.level}; e2e/config.js expects ${service.score}, ${service.level}`,
      );
    }
    await open(config.paths.entity);
    await visible(ui.entityHeading(page()), `the ${service.title} page`);
    const card = ui.readinessCard(page());
    await visible(card, 'the Readiness card');
    await visible(ui.scoreMeter(card), 'the score meter in the card');
    await visible(ui.scoreText(card), `"${service.score} / 100" in the card`);
    await visible(ui.levelText(card), `"Level: ${service.level}" in the card`);
    const now = Number(
      await ui.scoreMeter(card).first().getAttribute('aria-valuenow'),
    );
    if (Math.round(now) !== service.score) {
      throw new Error(`the meter's aria-valuenow is ${now}`);
    }
    await settle();
    const full = await screenshot('service-page');
    const cardShot = await screenshot('readiness-card', { element: card });
    return `${service.name}: ${service.score} / 100, ${service.level}; screenshots ${full}, ${cardShot}`;
  },
);

step(
  'service page: accessibility',
  ['service page: the Readiness card shows score and level'],
  async () => accessibility('service page', ui.readinessCard(page())),
);

step(
  'Readiness tab on the entity page',
  ['guest signs in and sees the catalog'],
  async () => {
    if (!page().url().includes(config.paths.entity)) {
      await open(config.paths.entity);
      await visible(ui.entityHeading(page()), `the ${service.title} page`);
    }
    const tab = ui.readinessTabLink(page());
    await visible(tab, 'a "Readiness" tab on the entity page', 10_000);
    await tab.click();
    await page().waitForURL(`**${config.paths.readinessTab}`, {
      timeout: timeouts.uiMs,
    });
    await visible(
      ui.scoreMeter(page().locator('main')),
      `the ${service.scorecardTitle} score meter`,
    );
    await visible(
      ui.scoreText(page().locator('main')),
      `"${service.score} / 100" on the tab`,
    );
    await visible(
      ui.levelText(page().locator('main')),
      `"Level: ${service.level}" on the tab`,
    );
    await settle();
    return `screenshot ${await screenshot('readiness-tab')}`;
  },
);

step(
  'Readiness tab: accessibility',
  ['Readiness tab on the entity page'],
  async () => accessibility('Readiness tab', ui.readinessTabContent(page())),
);

step(
  'leaderboard page',
  [
    'guest signs in and sees the catalog',
    'the backend has evaluated the demo organisation',
  ],
  async () => {
    await open(config.paths.home);
    await visible(ui.catalogHeading(page()), 'the catalog heading');
    const sidebar = ui.sidebarReadinessLink(page());
    await visible(sidebar, 'a "Readiness" item in the sidebar', 10_000);
    await sidebar.click();
    await page().waitForURL(`**${config.paths.readiness}**`, {
      timeout: timeouts.uiMs,
    });
    const tab = ui.leaderboardTab(page());
    await visible(tab, `a "Leaderboards" tab on ${config.paths.readiness}`);
    await tab.click();
    await waitFor(
      'the "Leaderboards" tab to be selected',
      async () => (await tab.getAttribute('aria-selected')) === 'true',
      { timeoutMs: 10_000, intervalMs: 250 },
    );
    await visible(ui.leaderboardTable(page()), 'a table ranking demo owners');
    const select = ui.leaderboardScorecardSelect(page());
    await visible(select, 'the leaderboard\'s "Scorecard" select');
    await select.first().click();
    await ui.selectOption(page(), service.scorecardTitle).click();
    await visible(
      ui.leaderboardProductionRow(page()),
      `the ${service.scorecardTitle} leaderboard (a "Data Team" row)`,
    );
    await settle();
    return `${page().url()}; screenshot ${await screenshot('leaderboard')}`;
  },
);

step('leaderboard: accessibility', ['leaderboard page'], async () =>
  accessibility('leaderboard', ui.readinessPageContent(page())),
);

step(
  'scorecard page',
  [
    'guest signs in and sees the catalog',
    'the backend has evaluated the demo organisation',
  ],
  async () => {
    await open(config.paths.readiness);
    const link = ui.scorecardLink(page());
    await visible(
      link,
      `a link named "${service.scorecardTitle}" on ${config.paths.readiness}`,
    );
    await link.click();
    await visible(
      ui.scorecardHeading(page()),
      `a "${service.scorecardTitle}" heading`,
    );
    for (const level of config.levels) {
      await visible(ui.scorecardLevel(page(), level), `the level "${level}"`);
    }
    await settle();
    return `${page().url()}; screenshot ${await screenshot('scorecard')}`;
  },
);

step('scorecard page: accessibility', ['scorecard page'], async () =>
  accessibility('scorecard page', ui.readinessPageContent(page())),
);

// ------------------------------------------------------------------ runner

async function stopEverything() {
  await state.browser?.close().catch(() => undefined);
  await state.app?.stop();
}

async function main() {
  const started = Date.now();
  for (const { title, needs = [], run } of steps) {
    const missing = needs.filter(n => outcomes.get(n) !== 'passed');
    if (missing.length > 0) {
      outcomes.set(title, 'skipped');
      console.log(`- ${title} (skipped: needs "${missing.join('", "')}")`);
      continue;
    }
    const stepStarted = Date.now();
    try {
      const detail = await run();
      outcomes.set(title, 'passed');
      const seconds = ((Date.now() - stepStarted) / 1000).toFixed(1);
      console.log(`✔ ${title} (${seconds} s)${detail ? `: ${detail}` : ''}`);
    } catch (error) {
      outcomes.set(title, 'failed');
      const seconds = ((Date.now() - stepStarted) / 1000).toFixed(1);
      const message = error instanceof Error ? error.message : String(error);
      console.log(`✖ ${title} (${seconds} s): ${message}`);
      if (state.page) {
        const name = title.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
        const file = await screenshot(name, { dir: failuresDir }).catch(
          () => undefined,
        );
        if (file) {
          console.log(`    page at failure: ${state.page.url()} (${file})`);
        }
      }
      if (title === 'the app starts (yarn start)') {
        console.log(
          `    last lines of ${relative(appLog)}:\n${tail(appLog, 40)}`,
        );
      }
    }
  }
  await stopEverything();
  const restarts = state.app ? backendRestarts(appLog) : 0;
  if (restarts > 0) {
    warnings.push(
      `the backend restarted ${restarts} time(s) during the run because files it loaded changed; each restart empties its in-memory database, so steps may have failed because of it`,
    );
  }

  if (warnings.length > 0) {
    console.log(`\nwarnings (${warnings.length}):`);
    for (const warning of warnings) {
      console.log(`  ! ${warning}`);
    }
  }
  const count = (/** @type {Outcome} */ o) =>
    [...outcomes.values()].filter(v => v === o).length;
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(
    `\nsteps: ${count('passed')} passed, ${count('failed')} failed, ${count(
      'skipped',
    )} skipped (${seconds} s)`,
  );
  process.exitCode = count('failed') + count('skipped') > 0 ? 1 : 0;
}

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    console.log(`\n${signal}: stopping the app`);
    state.app?.killNow();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}
process.on('exit', () => state.app?.killNow());

main().catch(async error => {
  console.error(error);
  await stopEverything().catch(() => undefined);
  process.exitCode = 1;
});
