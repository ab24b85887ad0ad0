import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  scorecardDetails,
  scorecardOverview,
} from '../../__testUtils__/fixtures';
import { mockReadinessApi } from '../../__testUtils__/mockReadinessApi';
import { renderInReadinessTestApp } from '../../__testUtils__/renderInReadinessTestApp';
import { ReadinessPage } from './ReadinessPage';
import { ReadinessPageWithHeader } from './ReadinessPageWithHeader';

const api = () =>
  mockReadinessApi({
    getScorecards: async () => ({ items: [scorecardOverview()], problems: [] }),
    getScorecard: async () => scorecardDetails(),
    getLeaderboard: async () => ({ items: [], total: 0 }),
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

  it('has a header of its own for the legacy frontend system', async () => {
    await renderInReadinessTestApp(<ReadinessPageWithHeader />, {
      readinessApi: api(),
      route: '/readiness',
    });

    expect(
      await screen.findByRole('heading', { name: 'Readiness' }),
    ).toBeInTheDocument();
  });
});
