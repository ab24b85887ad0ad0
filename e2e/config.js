// @ts-check
/*
 * Everything the end-to-end run expects of the app in one place: addresses,
 * the demo entity it opens and what its card must say, and the selectors of
 * every page. Adjust here when the UI changes; e2e/run.js holds no selectors.
 */

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Locator} Locator */

const frontendUrl = 'http://localhost:3000';
const backendUrl = 'http://localhost:7007';

/**
 * The service the run opens and what the demo organisation gives it under
 * the production-readiness scorecard. The level is pinned by
 * plugins/readiness-common/src/scorecards/demoOrganisation.test.ts; the score
 * is what `yarn readiness evaluate --catalog examples` prints, rounded the way
 * the card shows it.
 */
const service = {
  kind: 'component',
  namespace: 'default',
  name: 'support-assistant-api',
  title: 'Support Assistant API',
  scorecardId: 'production-readiness',
  scorecardTitle: 'Production Readiness',
  level: 'Silver',
  score: 75,
};

const entityPath = `/catalog/${service.namespace}/${service.kind}/${service.name}`;

module.exports = {
  frontendUrl,
  backendUrl,
  /** Debian's Chromium; CHROMIUM_PATH points elsewhere. */
  chromiumPath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  ports: [3000, 7007],
  timeouts: {
    /** `yarn start` until both servers answer (about 20 s on 2 cores). */
    appStartMs: 5 * 60_000,
    /** The first scheduled evaluation runs 5 s after start-up. */
    evaluationMs: 2 * 60_000,
    /** One page or element to show up. */
    uiMs: 45_000,
  },
  /** The levels of the production-readiness scorecard. */
  levels: ['Bronze', 'Silver', 'Gold'],
  /** Entities the demo organisation scores on production-readiness at least. */
  minimumScoredEntities: 25,
  service,
  /** WCAG tags axe checks; serious and critical violations fail a step. */
  axeTags: ['wcag2a', 'wcag2aa'],
  failingImpacts: ['serious', 'critical'],

  paths: {
    home: '/',
    entity: entityPath,
    readinessTab: `${entityPath}/readiness`,
    readiness: '/readiness',
  },

  /** Selectors, one function per thing the run looks for. */
  ui: {
    /** The app's "page not found" page (a route that does not exist). */
    notFound: (/** @type {Page} */ page) =>
      page.getByText(/ERROR 404/i).first(),
    /** Sign-in page: the guest provider's button. */
    guestEnterButton: (/** @type {Page} */ page) =>
      page.getByRole('button', { name: 'Enter' }),
    /** The catalog index, the app's home page (`organization.name` + Catalog). */
    catalogHeading: (/** @type {Page} */ page) =>
      page.getByRole('heading', { name: 'Acme Demo Catalog' }),
    /** The entity page's title. */
    entityHeading: (/** @type {Page} */ page) =>
      page.getByRole('heading', { name: service.title, exact: true }).first(),

    /** The Readiness card on the entity overview. */
    readinessCard: (/** @type {Page} */ page) =>
      page.locator('article.bui-Card').filter({
        has: page.getByRole('heading', { name: 'Readiness', exact: true }),
      }),
    /** Inside the card (or the tab): one scorecard's meter, score and level. */
    scoreMeter: (/** @type {Locator} */ scope) =>
      scope.getByRole('meter', { name: `${service.scorecardTitle} score` }),
    scoreText: (/** @type {Locator} */ scope) =>
      scope.getByText(`${service.score} / 100`, { exact: true }),
    levelText: (/** @type {Locator} */ scope) =>
      scope.getByText(`Level: ${service.level}`, { exact: true }),

    /**
     * The Readiness tab of the entity page (a link in the entity page's tab
     * bar, not the sidebar item of the same name).
     */
    readinessTabLink: (/** @type {Page} */ page) =>
      page
        .locator('main')
        .getByRole('link', { name: 'Readiness', exact: true })
        .or(page.locator('main').getByRole('tab', { name: 'Readiness' }))
        .first(),
    /**
     * The tab's content: a card per scorecard (with its score meter) and the
     * refresh button. Every match is in the accessibility check's scope.
     */
    readinessTabContent: (/** @type {Page} */ page) =>
      page
        .locator('main article.bui-Card')
        .filter({ has: page.getByRole('meter') })
        .or(page.locator('main').getByRole('button', { name: 'Refresh now' })),

    /** The sidebar item that opens the plugin's pages at /readiness. */
    sidebarReadinessLink: (/** @type {Page} */ page) =>
      page
        .getByRole('navigation')
        .getByRole('link', { name: 'Readiness', exact: true })
        .first(),
    /*
     * The plugin's pages at /readiness have no <main> (the app puts no
     * landmark around a page), so the selectors below search the whole
     * document; none of them matches the sidebar or the app's header.
     */
    /**
     * The plugin's own part of /readiness: its tab list and the selected
     * panel, without the app's header and sidebar (the accessibility check's
     * scope on the leaderboard and scorecard pages).
     */
    readinessPageContent: (/** @type {Page} */ page) =>
      page.locator('[role="tablist"], [role="tabpanel"]'),

    /** The leaderboard: the "Leaderboards" tab of /readiness. */
    leaderboardTab: (/** @type {Page} */ page) =>
      page.getByRole('tab', { name: /leaderboard/i }).first(),
    /** Owners ranked in a table: a row naming one of the demo teams. */
    leaderboardTable: (/** @type {Page} */ page) =>
      page
        .getByRole('tabpanel')
        .getByRole('grid')
        .or(page.getByRole('tabpanel').getByRole('table'))
        .filter({
          hasText:
            /(Payments|Platform|Web|AI\/ML|Data|Growth) Team|team-(payments|platform|web|ml|data|growth)/,
        })
        .first(),

    /** The leaderboard's "Scorecard" select and its option for the service's. */
    leaderboardScorecardSelect: (/** @type {Page} */ page) =>
      page.getByRole('tabpanel').getByRole('button', { name: /Scorecard/ }),
    selectOption: (/** @type {Page} */ page, /** @type {string} */ name) =>
      page.getByRole('option', { name, exact: true }),
    /**
     * A row of the production-readiness leaderboard only: the Data Team owns
     * services but no API, so the api-quality leaderboard does not list it.
     */
    leaderboardProductionRow: (/** @type {Page} */ page) =>
      page
        .getByRole('tabpanel')
        .getByRole('row')
        .filter({ hasText: /Data Team|team-data/ })
        .first(),

    /** The scorecard page: the scorecard's name links to it on /readiness. */
    scorecardLink: (/** @type {Page} */ page) =>
      page
        .getByRole('tabpanel')
        .getByRole('link', { name: service.scorecardTitle, exact: true })
        .first(),
    scorecardHeading: (/** @type {Page} */ page) =>
      page
        .getByRole('heading', { name: service.scorecardTitle, exact: true })
        .first(),
    /** The scorecard page names each of its levels in its "Levels" part. */
    scorecardLevel: (/** @type {Page} */ page, /** @type {string} */ level) =>
      page
        .getByRole('region', { name: 'Levels' })
        .getByText(new RegExp(`\\b${level}\\b`))
        .first(),
  },
};
