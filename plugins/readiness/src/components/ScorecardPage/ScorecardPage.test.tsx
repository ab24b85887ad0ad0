import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  minutesAgo,
  responseError,
  scorecardDetails,
  scorecardOverview,
} from '../../__testUtils__/fixtures';
import {
  mockReadinessApi,
  pending,
} from '../../__testUtils__/mockReadinessApi';
import { renderInReadinessTestApp } from '../../__testUtils__/renderInReadinessTestApp';
import { ReadinessApi } from '../../api';
import { ScorecardPage } from './ScorecardPage';

async function renderPage(
  methods: Partial<ReadinessApi>,
  route = '/readiness?scorecard=production-readiness',
) {
  const api = mockReadinessApi(methods);
  await renderInReadinessTestApp(
    <ScorecardPage scorecardId="production-readiness" />,
    { readinessApi: api, route },
  );
  return api;
}

describe('ScorecardPage', () => {
  it('shows progress while loading, with the way back to all scorecards', async () => {
    const api = await renderPage({ getScorecard: pending });

    expect(
      await screen.findByRole('progressbar', { name: 'Loading' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'All scorecards' }),
    ).toHaveAttribute('href', '/readiness');
    expect(
      screen.getByRole('link', { name: 'Leaderboard of this scorecard' }),
    ).toHaveAttribute(
      'href',
      '/readiness?tab=leaderboard&scorecard=production-readiness',
    );
    expect(
      screen.getByRole('link', { name: 'Active exemptions of this scorecard' }),
    ).toHaveAttribute(
      'href',
      '/readiness/exemptions?scorecard=production-readiness&status=active',
    );
    expect(api.getScorecard).toHaveBeenCalledWith('production-readiness');
  });

  it('shows what failed, e.g. an unknown scorecard', async () => {
    const error = await responseError(404, 'No scorecard production-readiness');
    await renderPage({ getScorecard: () => Promise.reject(error) });

    expect(
      await screen.findByText(
        /Could not load the scorecard production-readiness/,
      ),
    ).toBeInTheDocument();
  });

  it('says so when no entity has been scored yet', async () => {
    await renderPage({
      getScorecard: async () =>
        scorecardDetails({
          scorecard: scorecardOverview({
            entities: 0,
            averageScore: null,
            levelCounts: {},
          }),
        }),
    });

    expect(
      await screen.findByText(
        'No entity has been scored on this scorecard yet.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: 'Levels' }),
    ).not.toBeInTheDocument();
  });

  it('shows the scorecard, its levels and its checks with their pass rates', async () => {
    await renderPage({ getScorecard: async () => scorecardDetails() });

    expect(
      await screen.findByRole('heading', { name: 'Production Readiness' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        '10 entities scored, average score 64. 3 checks are waived over them, by the scorecard or by exemptions.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/Maintained by/)).toHaveTextContent(
      'Maintained by team-platform. Defined in production-readiness.yaml.',
    );
    expect(
      within(screen.getByRole('region', { name: 'Levels' })).getByRole('img', {
        name: 'Entities per level: No level: 4, Bronze: 3, Silver: 2, Gold: 1.',
      }),
    ).toBeInTheDocument();

    const checks = screen.getByRole('region', { name: 'Checks' });
    const [, owner, onCall] = within(checks).getAllByRole('row');
    expect(owner).toHaveTextContent('Has an owner');
    expect(owner).toHaveTextContent('Ownership · Bronze');
    expect(
      within(owner).getByRole('meter', { name: 'Pass rate of Has an owner' }),
    ).toHaveAttribute('aria-valuenow', '90');
    expect(onCall).toHaveTextContent('No entity decided');
    expect(
      within(onCall).getByRole('button', {
        name: 'Failing entities: Has an on-call rotation',
      }),
    ).toBeDisabled();
  });

  it('lists the entities failing a check, linked to the catalog', async () => {
    const api = await renderPage({
      getScorecard: async () => scorecardDetails(),
      listResults: async () => ({
        items: [
          {
            entityRef: 'component:default/checkout',
            score: 35.2,
            level: null,
            evaluatedAt: minutesAgo(10),
          },
        ],
        nextCursor: null,
      }),
    });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Failing entities: Has an owner',
      }),
    );

    const failing = await screen.findByRole('region', {
      name: 'Entities failing “Has an owner”',
    });
    expect(
      await within(failing).findByRole('link', { name: /checkout/ }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout');
    const [, row] = within(failing).getAllByRole('row');
    expect(row).toHaveTextContent('35');
    expect(row).toHaveTextContent('No level');
    expect(row).toHaveTextContent('10 minutes ago');
    expect(api.listResults).toHaveBeenCalledWith({
      scorecard: 'production-readiness',
      check: 'owner-set',
      status: 'fail',
      limit: 20,
    });
    expect(
      within(failing).getByRole('heading', {
        name: 'Entities failing “Has an owner”',
      }),
    ).toHaveFocus();

    await userEvent.click(
      within(failing).getByRole('button', {
        name: 'Close Entities failing “Has an owner”',
      }),
    );
    await waitFor(() =>
      expect(
        screen.queryByRole('region', {
          name: 'Entities failing “Has an owner”',
        }),
      ).not.toBeInTheDocument(),
    );
  });
});
