/*
 * Selectors of the exemption workflow: a check on the Readiness tab, the
 * request and decision dialogs, the entity's list of exemptions and the
 * table on /readiness/exemptions. Names are the plugin's English messages.
 */
import type { Locator, Page } from '@playwright/test';
import { service } from './demo';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "Exemption from <check ids> of <scorecard>", as entries name theirs. */
const exemptionSubject = (checkId: string) =>
  `Exemption from ${checkId} of ${service.scorecardTitle}`;

export const exemptionUi = {
  /** A check's disclosure button: its status, then its title. */
  checkHeading: (scope: Locator, status: string, title: string) =>
    scope.getByRole('button', {
      name: new RegExp(`^${escape(status)} ${escape(title)}\\b`),
    }),
  /** A check's open panel (why, evidence, fix and the owners' actions). */
  checkPanel: (scope: Locator, title: string) =>
    scope.getByRole('group', {
      name: new RegExp(`^\\S+( \\S+)? ${escape(title)}\\b`),
    }),
  requestButton: (panel: Locator) =>
    panel.getByRole('button', { name: 'Request exemption', exact: true }),
  /** What waives a check: who asked and approved it, and until when. */
  waiverText: (panel: Locator) =>
    panel.getByText(/^Waived by an exemption until \d{4}-\d{2}-\d{2}$/),
  waiverPeople: (panel: Locator, requester: string) =>
    panel.getByText(
      new RegExp(`^Requested by ${escape(requester)}, approved by`),
    ),
  /** A category of the scorecard on the tab. */
  category: (scope: Locator, title: string) =>
    scope.getByRole('region', { name: title, exact: true }),

  /** The request and decision dialogs. */
  dialog: (page: Page) => page.getByRole('dialog'),
  checkbox: (dialog: Locator, title: string) =>
    dialog.getByRole('checkbox', { name: title, exact: true }),
  reasonField: (dialog: Locator) =>
    dialog.getByRole('textbox', { name: /^Reason/ }),
  endDateField: (dialog: Locator) => dialog.getByLabel(/^End date/),
  linkField: (dialog: Locator) =>
    dialog.getByRole('textbox', { name: /^Link/ }),
  commentField: (dialog: Locator) =>
    dialog.getByRole('textbox', { name: /^Comment/ }),
  submitButton: (dialog: Locator, label: string) =>
    dialog.getByRole('button', { name: label, exact: true }),

  /** The tab's "Exemptions and attestations" card: one entity's. */
  entityExemptions: (page: Page) =>
    page
      .locator('main')
      .getByRole('region', { name: 'Exemptions', exact: true }),
  /** An entry of that list, in its status group ("Pending (1)"). */
  entityEntry: (list: Locator, status: string, checkId: string) =>
    list
      .getByRole('list', { name: new RegExp(`^${escape(status)} \\(\\d+\\)$`) })
      .getByRole('listitem')
      .filter({ hasText: exemptionSubject(checkId) }),
  /** The action buttons of an entry or a row ("Approve: Exemption from …"). */
  actionButton: (scope: Locator, action: string) =>
    scope.getByRole('button', { name: new RegExp(`^${escape(action)}: `) }),

  /** /readiness/exemptions: the exemptions table and one entity's row. */
  exemptionsTable: (page: Page) =>
    page
      .getByRole('tabpanel', { name: 'Exemptions' })
      .getByRole('region', { name: 'Exemptions', exact: true })
      .getByRole('grid'),
  exemptionsRow: (table: Locator, entityTitle: string, checkId: string) =>
    table
      .getByRole('row')
      .filter({ has: table.page().getByRole('link', { name: entityTitle }) })
      .filter({ hasText: checkId }),
};
