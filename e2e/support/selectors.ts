/*
 * Selectors, one function per thing the suite looks for. Adjust here when
 * the UI changes; the specs hold no selectors.
 */
import type { Locator, Page } from '@playwright/test';
import { service } from './demo';

export const ui = {
  /** The app's "page not found" page (a route that does not exist). */
  notFound: (page: Page) => page.getByText(/ERROR 404/i).first(),
  /** Sign-in page: the guest provider's button. */
  guestEnterButton: (page: Page) => page.getByRole('button', { name: 'Enter' }),
  /** The catalog index, the app's home page (`organization.name` + Catalog). */
  catalogHeading: (page: Page) =>
    page.getByRole('heading', { name: 'Acme Demo Catalog' }),
  /** The entity page's title (the service's unless told). */
  entityHeading: (page: Page, title: string = service.title) =>
    page.getByRole('heading', { name: title, exact: true }).first(),

  /** The Readiness card on the entity overview. */
  readinessCard: (page: Page) =>
    page.locator('article.bui-Card').filter({
      has: page.getByRole('heading', { name: 'Readiness', exact: true }),
    }),
  /** Inside the card (or the tab): one scorecard's meter, score and level. */
  scoreMeter: (scope: Locator) =>
    scope.getByRole('meter', { name: `${service.scorecardTitle} score` }),
  scoreText: (scope: Locator) =>
    scope.getByText(`${service.score} / 100`, { exact: true }),
  levelText: (scope: Locator) =>
    scope.getByText(`Level: ${service.level}`, { exact: true }),
  /** The Badge button of the service's scorecard on the Readiness tab. */
  badgeButton: (scope: Locator) =>
    scope.getByRole('button', { name: `Badge of ${service.scorecardTitle}` }),
  badgeDialog: (page: Page) => page.getByRole('dialog'),
  /** Makes the public badge: opening the dialog makes none. */
  badgeCreate: (dialog: Locator) =>
    dialog.getByRole('button', { name: 'Create badge' }),
  badgeImage: (dialog: Locator) =>
    dialog.getByRole('img', {
      name: `${service.scorecardTitle}: readiness badge`,
    }),
  /** Asks to revoke the public badge's link; a confirmation follows. */
  badgeRevoke: (dialog: Locator) =>
    dialog.getByRole('button', { name: 'Revoke link' }),
  badgeRevokeConfirm: (dialog: Locator) =>
    dialog.getByRole('button', { name: 'Revoke', exact: true }),
  badgeRevoked: (dialog: Locator) =>
    dialog.getByText('The old link no longer works'),
  badgeCreateNew: (dialog: Locator) =>
    dialog.getByRole('button', { name: 'Create a new badge' }),
  badgeMarkdown: (dialog: Locator) =>
    dialog.getByRole('textbox', { name: 'Markdown' }),

  /**
   * The Readiness tab of the entity page (a link in the entity page's tab
   * bar, not the sidebar item of the same name).
   */
  readinessTabLink: (page: Page) =>
    page
      .locator('main')
      .getByRole('link', { name: 'Readiness', exact: true })
      .or(page.locator('main').getByRole('tab', { name: 'Readiness' }))
      .first(),
  /**
   * The tab's content: a card per scorecard (with its score meter) and the
   * refresh button. Every match is in the accessibility check's scope.
   */
  readinessTabContent: (page: Page) =>
    page
      .locator('main article.bui-Card')
      .filter({ has: page.getByRole('meter') })
      .or(page.locator('main').getByRole('button', { name: 'Refresh now' })),

  /** The sidebar item that opens the plugin's pages at /readiness. */
  sidebarReadinessLink: (page: Page) =>
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
  readinessPageContent: (page: Page) =>
    page.locator('[role="tablist"], [role="tabpanel"]'),

  /** The leaderboard: the "Leaderboards" tab of /readiness. */
  leaderboardTab: (page: Page) =>
    page.getByRole('tab', { name: /leaderboard/i }).first(),
  /** Owners ranked in a table: a row naming one of the demo teams. */
  leaderboardTable: (page: Page) =>
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
  leaderboardScorecardSelect: (page: Page) =>
    page.getByRole('tabpanel').getByRole('button', { name: /Scorecard/ }),
  selectOption: (page: Page, name: string) =>
    page.getByRole('option', { name, exact: true }),
  /**
   * A row of the production-readiness leaderboard only: the Data Team owns
   * services but no API, so the api-quality leaderboard does not list it.
   */
  leaderboardProductionRow: (page: Page) =>
    page
      .getByRole('tabpanel')
      .getByRole('row')
      .filter({ hasText: /Data Team|team-data/ })
      .first(),

  /** The scorecard page: the scorecard's name links to it on /readiness. */
  scorecardLink: (page: Page) =>
    page
      .getByRole('tabpanel')
      .getByRole('link', { name: service.scorecardTitle, exact: true })
      .first(),
  scorecardHeading: (page: Page) =>
    page
      .getByRole('heading', { name: service.scorecardTitle, exact: true })
      .first(),
  /** The scorecard page names each of its levels in its "Levels" part. */
  scorecardLevel: (page: Page, level: string) =>
    page
      .getByRole('region', { name: 'Levels' })
      .getByText(new RegExp(`\\b${level}\\b`))
      .first(),
};
