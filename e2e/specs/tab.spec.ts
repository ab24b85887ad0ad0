import { test, expect } from '../support/fixtures';
import { fetchWithTimeout } from '../support/backendApi';
import { service } from '../support/demo';
import { openReadinessTab } from '../support/navigation';
import { screenshot, settle } from '../support/screenshots';
import { ui } from '../support/selectors';
import { visible } from '../support/session';

test('Readiness tab on the entity page', async ({ guestPage: page }) => {
  const main = await openReadinessTab(page);
  await visible(
    page,
    ui.scoreText(main),
    `"${service.score} / 100" on the tab`,
  );
  await visible(
    page,
    ui.levelText(main),
    `"Level: ${service.level}" on the tab`,
  );
  await settle(page);
  await screenshot(page, 'readiness-tab');

  await test.step('the badge dialog gives a public badge and its snippet', async () => {
    await ui.badgeButton(main).click();
    const dialog = ui.badgeDialog(page);
    const markdown = ui.badgeMarkdown(dialog);
    // Opening makes no badge: it is made on request.
    await visible(page, ui.badgeCreate(dialog), 'the Create badge button');
    await expect(markdown).toHaveCount(0);
    await ui.badgeCreate(dialog).click();
    await visible(page, markdown, 'the markdown snippet');
    const snippet = await markdown.inputValue();
    const url = /\((http[^)]+\/api\/readiness\/public\/badges\/[\w-]+)\)/.exec(
      snippet,
    )?.[1];
    expect(url, `a public badge URL in ${snippet}`).toBeTruthy();
    expect(snippet, 'no entity name in the badge URL').not.toContain(
      `badges/${service.name}`,
    );
    await visible(page, ui.badgeImage(dialog), 'the badge preview');
    // Served to anyone with the URL (no session), as a README viewer asks.
    const anonymous = await fetchWithTimeout(url!);
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get('content-type')).toContain('image/svg+xml');
    const svg = await anonymous.text();
    expect(svg).toContain(service.level);
    expect(svg).not.toContain(service.name);
    await settle(page);
    await screenshot(page, 'badge-dialog', dialog);

    // A leaked link is taken back: the address answers 404 at once on this
    // backend, and a new badge gets a new address.
    await ui.badgeRevoke(dialog).click();
    await ui.badgeRevokeConfirm(dialog).click();
    await visible(page, ui.badgeRevoked(dialog), 'the revoked message');
    expect((await fetchWithTimeout(url!)).status).toBe(404);
    await settle(page);
    await screenshot(page, 'badge-revoked', dialog);
    await ui.badgeCreateNew(dialog).click();
    await visible(page, markdown, 'the new markdown snippet');
    const newUrl = /\((http[^)]+)\)/.exec(await markdown.inputValue())?.[1];
    expect(newUrl, 'a new badge address').toBeTruthy();
    expect(newUrl).not.toBe(url);
    expect((await fetchWithTimeout(newUrl!)).status).toBe(200);
  });
});
