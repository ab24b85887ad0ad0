import { renderInTestApp } from '@backstage/test-utils';
import { addDays, dayOf } from '@readiness/plugin-readiness-common';
import type { CampaignItem } from '@readiness/plugin-readiness-common';
import { screen, within } from '@testing-library/react';
import {
  check,
  readiness,
  scorecardResult,
} from '../../__testUtils__/fixtures';
import { rootRouteRef } from '../../routes';
import { EntityCampaignItems } from './EntityCampaignItems';

const today = dayOf(new Date());

function item(
  campaign: string,
  fields: Partial<CampaignItem> = {},
): CampaignItem {
  return {
    campaign,
    title: `Campaign ${campaign}`,
    startsAt: addDays(today, -10),
    dueAt: addDays(today, 12),
    met: false,
    openChecks: ['tls', 'on-call'],
    ...fields,
  };
}

const checks = [
  check('tls', { level: 'silver', status: 'fail', weight: 1 }),
  check('on-call', { level: 'silver', status: 'fail', weight: 1 }),
];

async function renderItems(items: CampaignItem[], mounted = true) {
  await renderInTestApp(
    <EntityCampaignItems
      readiness={readiness([scorecardResult({ checks, campaigns: items })])}
      headingLevel="h3"
    />,
    { mountedRoutes: mounted ? { '/readiness': rootRouteRef } : {} },
  );
}

describe('EntityCampaignItems', () => {
  it('lists the running and overdue campaigns not met, the soonest due first, linked', async () => {
    await renderItems([
      item('later', { dueAt: addDays(today, 30) }),
      item('soon', { openChecks: ['tls'] }),
      item('overdue', { dueAt: addDays(today, -5) }),
      item('met', { met: true, openChecks: [] }),
      item('scheduled', {
        startsAt: addDays(today, 3),
        dueAt: addDays(today, 40),
      }),
    ]);

    const list = within(screen.getByRole('region', { name: 'Campaigns' }));
    expect(
      list.getAllByRole('listitem').map(entry => entry.textContent),
    ).toEqual([
      'OverdueCampaign overdue, ended 5 days ago: Title of tls, Title of on-call',
      'Campaign soon, due in 12 days: Title of tls',
      'Campaign later, due in 30 days: Title of tls, Title of on-call',
    ]);
    expect(list.getByRole('link', { name: 'Campaign soon' })).toHaveAttribute(
      'href',
      '/readiness/campaigns/soon',
    );
  });

  it('says when a campaign is due today, and names checks it does not know by id', async () => {
    await renderItems([item('today', { dueAt: today, openChecks: ['gone'] })]);

    expect(screen.getByRole('listitem')).toHaveTextContent(
      'Campaign today, due today: gone',
    );
  });

  it('names the campaign without a link when the app has no readiness page', async () => {
    await renderItems([item('soon')], false);

    expect(screen.getByRole('listitem')).toHaveTextContent('Campaign soon');
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('shows nothing when no campaign is open', async () => {
    await renderItems([item('met', { met: true, openChecks: [] })]);

    expect(screen.queryByRole('region')).toBeNull();
  });
});
