/*
 * Selectors of the campaigns, the team card on a Group page and the
 * notifications page. Names are the plugin's English messages.
 */
import type { Locator, Page } from '@playwright/test';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const campaignUi = {
  /** The campaigns table on /readiness/campaigns: a row per campaign. */
  campaignRow: (page: Page, title: string) =>
    page
      .getByRole('tabpanel')
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: title, exact: true }) }),
  /** A campaign's progress bar ("Progress of <title>"), "9 of 19 (47 %)". */
  progress: (scope: Locator, title: string) =>
    scope.getByRole('meter', { name: `Progress of ${title}` }),
  progressText: (scope: Locator) =>
    scope.getByText(/^\d+ of \d+( \(\d+ %\))?$/).first(),
  /** Time left: "due in 114 days" or "ended 7 days ago". */
  dueIn: (scope: Locator) => scope.getByText(/^due in \d+ days?$/),
  endedAgo: (scope: Locator) => scope.getByText(/^ended \d+ days? ago$/),
  campaignLink: (scope: Locator, title: string) =>
    scope.getByRole('link', { name: title, exact: true }),

  /** A campaign's page: its title and its parts. */
  campaignHeading: (page: Page, title: string) =>
    page.getByRole('heading', { name: title, exact: true }),
  burnUp: (page: Page) => page.getByRole('region', { name: 'Burn-up' }),
  groups: (page: Page) =>
    page.getByRole('region', { name: 'Progress per group' }),
  entities: (page: Page) => page.getByRole('region', { name: 'Entities' }),
  /** A row of a table, by a text it holds. */
  rowWith: (scope: Locator, text: string | RegExp) =>
    scope.getByRole('row').filter({ hasText: text }),

  /** The campaigns an entity has still to meet, on its Readiness tab. */
  entityCampaigns: (page: Page) =>
    page.locator('main').getByRole('region', { name: 'Campaigns' }),

  /** The team card on a Group page. */
  teamCard: (page: Page) =>
    page.locator('article.bui-Card').filter({
      has: page.getByRole('heading', { name: 'Readiness', exact: true }),
    }),
  /** The card's "Scorecard" select, when several scorecards are in force. */
  teamScorecardSelect: (card: Locator) =>
    card.getByRole('button', { name: /Scorecard/ }),
  /** Headings of the card's parts: "Campaign items due", "Level drops this week". */
  teamPart: (card: Locator, title: string) =>
    card.getByRole('heading', { name: title, exact: true }),
  /** An item of the card's lists (a campaign due, a level drop). */
  teamItem: (card: Locator, text: string | RegExp) =>
    card.getByRole('listitem').filter({ hasText: text }),
  teamMembers: (card: Locator) =>
    card.getByRole('table').or(card.getByRole('grid')).first(),

  /** A notification on the notifications page: its title links to it. */
  notification: (page: Page, title: string) =>
    page.getByRole('link', { name: title, exact: true }),
  /** Whether a text names an entity by its title or its name. */
  entityName: (entity: { name: string; title: string }) =>
    new RegExp(`${escape(entity.title)}|${escape(entity.name)}`),
};
