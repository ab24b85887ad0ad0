import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  scorecardDetails,
  scorecardOverview,
} from '../../__testUtils__/fixtures';
import {
  campaignDetails,
  campaignSummary,
} from '../../__testUtils__/campaignFixtures';
import { mockReadinessApi } from '../../__testUtils__/mockReadinessApi';
import { exemption } from '../../__testUtils__/ownerInputFixtures';
import { renderInReadinessTestApp } from '../../__testUtils__/renderInReadinessTestApp';
import { ReadinessPage } from './ReadinessPage';
import { ReadinessPageWithHeader } from './ReadinessPageWithHeader';

const api = () =>
  mockReadinessApi({
    getScorecards: async () => ({ items: [scorecardOverview()], problems: [] }),
    getScorecard: async () => scorecardDetails(),
    getLeaderboard: async () => ({ items: [], total: 0 }),
    listExemptions: async () => ({ items: [exemption()] }),
    listAttestations: async () => ({ items: [] }),
    getCampaigns: async () => ({ items: [campaignSummary()], problems: [] }),
    getCampaign: async () => campaignDetails(),
  });

describe('ReadinessPage', () => {
  it('shows the scorecards first', async () => {
    await renderInReadinessTestApp(<ReadinessPage />, {
      readinessApi: api(),
      route: '/readiness',
    });

    expect(
      await screen.findByRole('tab', { name: 'Scorecards', selected: true }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: /Production Readiness/ }),
    ).toBeInTheDocument();
  });

  it('shows the scorecard the URL names', async () => {
    const readinessApi = api();
    await renderInReadinessTestApp(<ReadinessPage />, {
      readinessApi,
      route: '/readiness?scorecard=production-readiness',
    });

    expect(
      await screen.findByRole('heading', { name: 'Production Readiness' }),
    ).toBeInTheDocument();
    expect(readinessApi.getScorecard).toHaveBeenCalledWith(
      'production-readiness',
    );
  });

  it('switches to the leaderboards with the keyboard', async () => {
    const readinessApi = api();
    await renderInReadinessTestApp(<ReadinessPage />, {
      readinessApi,
      route: '/readiness',
    });

    const scorecards = await screen.findByRole('tab', { name: 'Scorecards' });
    await userEvent.click(scorecards);
    await userEvent.keyboard('{ArrowRight}{Enter}');

    expect(
      await screen.findByRole('tab', { name: 'Leaderboards', selected: true }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('button', { name: /Group by/ }),
    ).toBeInTheDocument();
    expect(readinessApi.getLeaderboard).toHaveBeenCalled();
  });

  it('opens on the leaderboards when the URL says so', async () => {
    await renderInReadinessTestApp(<ReadinessPage />, {
      readinessApi: api(),
      route: '/readiness?tab=leaderboard',
    });

    expect(
      await screen.findByRole('tab', { name: 'Leaderboards', selected: true }),
    ).toBeInTheDocument();
  });

  it('opens the exemptions at their own path, and leaves them for a tab', async () => {
    const readinessApi = api();
    await renderInReadinessTestApp(<ReadinessPage />, {
      readinessApi,
      route: '/readiness/exemptions?status=active',
    });

    expect(
      await screen.findByRole('tab', { name: 'Exemptions', selected: true }),
    ).toBeInTheDocument();
    expect(await screen.findByText('on-call')).toBeInTheDocument();
    expect(readinessApi.listExemptions).toHaveBeenCalledWith({
      status: 'active',
      limit: 100,
    });

    await userEvent.click(screen.getByRole('tab', { name: 'Leaderboards' }));

    expect(
      await screen.findByRole('tab', { name: 'Leaderboards', selected: true }),
    ).toBeInTheDocument();
    expect(readinessApi.getLeaderboard).toHaveBeenCalled();
  });

  it('goes to the exemptions from the scorecards', async () => {
    const readinessApi = api();
    await renderInReadinessTestApp(<ReadinessPage />, {
      readinessApi,
      route: '/readiness?scorecard=production-readiness',
    });

    await userEvent.click(
      await screen.findByRole('tab', { name: 'Exemptions' }),
    );

    expect(
      await screen.findByRole('tab', { name: 'Exemptions', selected: true }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('region', { name: 'Exemptions' }),
    ).toBeInTheDocument();
    // The scorecard shown is not taken for a filter of the exemptions.
    expect(readinessApi.listExemptions).toHaveBeenCalledWith({
      status: 'pending',
      limit: 100,
    });
  });

  it('has a header of its own for the legacy frontend system', async () => {
    await renderInReadinessTestApp(<ReadinessPageWithHeader />, {
      readinessApi: api(),
      route: '/readiness',
    });

    expect(
      await screen.findByRole('heading', { name: 'Readiness' }),
    ).toBeInTheDocument();
  });

  it('opens the campaigns at their own path, one campaign below, and leaves them for a tab', async () => {
    const readinessApi = api();
    await renderInReadinessTestApp(<ReadinessPage />, {
      readinessApi,
      route: '/readiness/campaigns/tls-everywhere?status=met',
    });

    expect(
      await screen.findByRole('tab', { name: 'Campaigns', selected: true }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { name: 'TLS everywhere' }),
    ).toBeInTheDocument();
    expect(readinessApi.getCampaign).toHaveBeenCalledWith('tls-everywhere');

    await userEvent.click(screen.getByRole('link', { name: 'All campaigns' }));
    expect(
      await screen.findByRole('link', { name: 'TLS everywhere' }),
    ).toHaveAttribute('href', '/readiness/campaigns/tls-everywhere');

    await userEvent.click(screen.getByRole('tab', { name: 'Scorecards' }));
    expect(
      await screen.findByRole('tab', { name: 'Scorecards', selected: true }),
    ).toBeInTheDocument();
  });

  it('goes to the campaigns from the scorecards', async () => {
    const readinessApi = api();
    await renderInReadinessTestApp(<ReadinessPage />, {
      readinessApi,
      route: '/readiness',
    });

    await userEvent.click(
      await screen.findByRole('tab', { name: 'Campaigns' }),
    );

    expect(
      await screen.findByRole('tab', { name: 'Campaigns', selected: true }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'TLS everywhere' }),
    ).toBeInTheDocument();
  });
});
