import { test, expect } from '../support/fixtures';
import { serviceResult } from '../support/backendApi';
import { service } from '../support/demo';
import { openServicePage } from '../support/navigation';
import { screenshot, settle } from '../support/screenshots';
import { ui } from '../support/selectors';
import { visible } from '../support/session';

test('service page: the Readiness card shows score and level', async ({
  guestPage: page,
}) => {
  const api = await serviceResult();
  expect(
    { score: Math.round(api.score), level: api.level },
    `the API's result for ${service.name} (e2e/support/demo.ts expects it)`,
  ).toEqual({ score: service.score, level: service.level.toLowerCase() });

  const card = await openServicePage(page);
  await visible(
    page,
    ui.scoreText(card),
    `"${service.score} / 100" in the card`,
  );
  await visible(
    page,
    ui.levelText(card),
    `"Level: ${service.level}" in the card`,
  );
  const now = Number(
    await ui.scoreMeter(card).first().getAttribute('aria-valuenow'),
  );
  expect(Math.round(now), "the meter's aria-valuenow").toBe(service.score);

  await settle(page);
  await screenshot(page, 'service-page');
  await screenshot(page, 'readiness-card', card);
});
