/*
 * The exemption workflow end to end, as the guest: request an exemption on
 * the service's Readiness tab (pending, and not the guest's to approve);
 * approve another user's seeded request on /readiness/exemptions and see
 * its check waived, with who asked and who approved, and the entity's score
 * rise; revoke it and see the check fail and the score come back. The
 * guest's own request is withdrawn at the end (and first, when an earlier
 * run on a reused app left it), so that the run can be repeated.
 */
import type { Locator, Page } from '@playwright/test';
import { expectAccessible } from '../support/a11y';
import { ownExemption, seededExemption, service } from '../support/demo';
import { exemptionUi as ex } from '../support/exemptionSelectors';
import { test, expect } from '../support/fixtures';
import { openExemptionsPage, openReadinessTab } from '../support/navigation';
import { screenshot, settle } from '../support/screenshots';
import { ui } from '../support/selectors';
import { visible } from '../support/session';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC day `days` days from now, as the date input takes it. */
const dayFromNow = (days: number) =>
  new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

/** The production-readiness score the tab's meter shows. */
async function scoreOn(main: Locator) {
  return Number(
    await ui.scoreMeter(main).first().getAttribute('aria-valuenow'),
  );
}

/** Approves or revokes through the decision dialog, with a comment. */
async function decide(
  page: Page,
  scope: Locator,
  action: 'Approve' | 'Revoke',
  comment: string,
) {
  await ex.actionButton(scope, action).click();
  const dialog = ex.dialog(page);
  await visible(page, dialog, `the "${action}" dialog`);
  await ex.commentField(dialog).fill(comment);
  await ex.submitButton(dialog, action).click();
  await expect(dialog, `the "${action}" dialog to close`).toBeHidden();
}

/** The guest's request on the service's tab, while it is pending. */
const ownPendingEntry = (page: Page) =>
  ex.entityEntry(ex.entityExemptions(page), 'Pending', ownExemption.checkId);

test('exemptions: request, approve, waive, revoke', async ({
  guestPage: page,
}) => {
  const { entity, checkTitle, checkId } = seededExemption;

  await test.step('the guest requests an exemption on the service', async () => {
    const main = await openReadinessTab(page);
    await visible(
      page,
      ex.entityExemptions(page),
      'the "Exemptions" list on the tab',
    );
    if (await ownPendingEntry(page).isVisible()) {
      // An earlier run on a reused app stopped before withdrawing it.
      await decide(page, ownPendingEntry(page), 'Revoke', 'Left by a run.');
    }
    const panel = ex.checkPanel(main, ownExemption.checkTitle);
    await visible(
      page,
      ex.requestButton(panel),
      `"Request exemption" under the failing "${ownExemption.checkTitle}"`,
    );
    await ex.requestButton(panel).click();
    const dialog = ex.dialog(page);
    await visible(page, dialog, 'the request dialog');
    await expect(
      ex.checkbox(dialog, ownExemption.checkTitle),
      'the check asked from to be chosen',
    ).toBeChecked();
    await ex.reasonField(dialog).fill(ownExemption.reason);
    await ex.endDateField(dialog).fill(dayFromNow(ownExemption.endsInDays));
    await ex.linkField(dialog).fill(ownExemption.link);
    await settle(page);
    await expectAccessible(page, 'exemption request dialog', dialog);
    await screenshot(page, 'exemption-dialog', dialog);
    await ex.submitButton(dialog, 'Request exemption').click();
    await expect(dialog, 'the request dialog to close').toBeHidden();

    const entry = ownPendingEntry(page);
    await visible(page, entry, 'the request among the pending exemptions');
    await expect(
      ex.actionButton(entry, 'Approve'),
      'no "Approve" on the guest’s own request',
    ).toHaveCount(0);
    await expect(ex.actionButton(entry, 'Revoke')).toBeVisible();
  });

  let before = 0;
  await test.step(`${entity.title} fails "${checkTitle}"`, async () => {
    const main = await openReadinessTab(page, entity);
    await visible(
      page,
      ex.checkHeading(main, 'Failing', checkTitle),
      `"${checkTitle}" failing on ${entity.title}`,
    );
    before = await scoreOn(main);
  });

  await test.step('the guest approves another user’s request', async () => {
    await openExemptionsPage(page);
    const table = ex.exemptionsTable(page);
    const own = ex.exemptionsRow(table, service.title, ownExemption.checkId);
    await visible(page, own, 'the guest’s request on /readiness/exemptions');
    await expect(
      ex.actionButton(own, 'Approve'),
      'no "Approve" on the guest’s own request',
    ).toHaveCount(0);
    const row = ex.exemptionsRow(table, entity.title, checkId);
    await visible(
      page,
      row,
      `the seeded pending request of ${seededExemption.requestedBy} on ${entity.title} (the backend seeds it into an empty database: restart an app reused with E2E_REUSE_APP=1)`,
    );
    await settle(page);
    await screenshot(page, 'exemptions-page');
    await decide(page, row, 'Approve', 'Approved until the collector rollout.');
    await expect(row, 'the request to leave the pending list').toHaveCount(0);
  });

  await test.step(`"${checkTitle}" is waived and the score rises`, async () => {
    const main = await openReadinessTab(page, entity);
    const heading = ex.checkHeading(main, 'Waived', checkTitle);
    await visible(page, heading, `"${checkTitle}" waived on ${entity.title}`);
    await heading.click();
    const panel = ex.checkPanel(main, checkTitle);
    await expect(ex.waiverText(panel)).toBeVisible();
    await expect(
      ex.waiverPeople(panel, seededExemption.requestedBy),
      'who requested and who approved it',
    ).toBeVisible();
    expect(
      await scoreOn(main),
      'the score with the check waived',
    ).toBeGreaterThan(before);
    await settle(page);
    await screenshot(
      page,
      'check-waived',
      ex.category(main, seededExemption.category),
    );
  });

  await test.step('revoked, the check fails and the score returns', async () => {
    const list = ex.entityExemptions(page);
    const active = ex.entityEntry(list, 'Active', checkId);
    await visible(page, active, 'the active exemption on the tab');
    await decide(page, active, 'Revoke', 'The collector is live early.');
    const main = page.locator('main');
    await visible(
      page,
      ex.checkHeading(main, 'Failing', checkTitle),
      `"${checkTitle}" failing again`,
    );
    await expect
      .poll(() => scoreOn(main), { message: 'the score as before' })
      .toBe(before);
    await expect(ex.entityEntry(list, 'Revoked', checkId)).toBeVisible();
  });

  await test.step('the guest withdraws their own request', async () => {
    await openReadinessTab(page);
    const entry = ownPendingEntry(page);
    await visible(page, entry, 'the guest’s pending request');
    await decide(page, entry, 'Revoke', 'Withdrawn by the end-to-end test.');
    await expect(
      ex
        .entityEntry(ex.entityExemptions(page), 'Revoked', ownExemption.checkId)
        .first(),
    ).toBeVisible();
  });
});
