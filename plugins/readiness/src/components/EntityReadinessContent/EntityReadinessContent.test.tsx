import { addDays, dayOf } from '@readiness/plugin-readiness-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readiness, responseError } from '../../__testUtils__/fixtures';
import { pending } from '../../__testUtils__/mockReadinessApi';
import {
  renderContent,
  result,
  withResult,
} from './__testUtils__/renderContent';

describe('EntityReadinessContent', () => {
  it('shows progress while loading', async () => {
    const api = await renderContent({ getEntityReadiness: pending });

    expect(
      await screen.findByRole('progressbar', { name: 'Loading' }),
    ).toBeInTheDocument();
    expect(api.getEntityReadiness).toHaveBeenCalledWith(
      'component:default/payments',
    );
  });

  it('shows what failed when the backend answers with an error', async () => {
    const error = await responseError(404, 'Entity not found');
    await renderContent({ getEntityReadiness: () => Promise.reject(error) });

    expect(
      await screen.findByText(
        /Could not load readiness scores for component:default\/payments/,
      ),
    ).toBeInTheDocument();
  });

  it('says so when no scorecard applies', async () => {
    await renderContent(withResult());

    expect(
      await screen.findByText(/No readiness scorecard applies/),
    ).toBeInTheDocument();
  });

  it('shows the score, the level, the counts and every category', async () => {
    await renderContent(withResult(result));

    expect(
      await screen.findByRole('heading', {
        level: 2,
        name: 'Production Readiness',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('meter', { name: 'Production Readiness score' }),
    ).toHaveAttribute('aria-valuenow', '60');
    expect(screen.getByText('Level: Bronze')).toBeInTheDocument();
    expect(
      screen.getByText(
        '1 passing, 1 failing, 1 unknown, 1 not applicable, 0 waived',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('To reach Silver, 2 checks are not passing yet:'),
    ).toBeInTheDocument();

    const ownership = screen.getByRole('region', { name: 'Ownership' });
    expect(
      within(ownership).getByRole('meter', { name: 'Ownership score' }),
    ).toHaveAttribute('aria-valuenow', '50');
    const observability = screen.getByRole('region', {
      name: 'Observability',
    });
    expect(within(observability).getByText('Not scored')).toBeInTheDocument();
    expect(
      within(observability).getByText('Title of dashboards'),
    ).toBeInTheDocument();
  });

  it('shows every check with its status, reason, evidence and remediation', async () => {
    await renderContent(withResult(result), { bindTemplates: true });

    const onCall = await screen.findByRole('button', {
      name: /Title of on-call/,
    });
    expect(onCall).toHaveAttribute('aria-expanded', 'true');
    expect(onCall).toHaveTextContent('Failing');
    expect(onCall).toHaveTextContent('Silver');
    expect(
      screen.getByText(
        'Why: The annotation pagerduty.com/service-id is not set.',
      ),
    ).toBeInTheDocument();
    const evidence = screen.getAllByRole('list', { name: 'Evidence' });
    expect(
      evidence.some(list =>
        list.textContent?.includes(
          'catalog.annotations[pagerduty.com/service-id] is not set from catalog, observed 5 minutes ago',
        ),
      ),
    ).toBe(true);

    // Markdown is rendered, and HTML in it is sanitised.
    expect(screen.getByText('the annotation').tagName).toBe('STRONG');
    expect(document.querySelector('[onerror]')).toBeNull();
    expect(
      screen.getByRole('link', {
        name: 'How to fix: Title of on-call (opens in a new window)',
      }),
    ).toHaveAttribute('href', 'https://docs.example.com/on-call');
    expect(
      screen.getByRole('link', {
        name: 'Fix it with the template add-pagerduty',
      }),
    ).toHaveAttribute('href', '/create/templates/default/add-pagerduty');

    const unknown = screen.getByRole('button', { name: /Title of ci/ });
    expect(unknown).toHaveTextContent('Unknown');
    expect(
      screen.getByText('Why: The CI collector timed out.'),
    ).toBeInTheDocument();
  });

  it('keeps passing checks closed, with their evidence one keypress away', async () => {
    await renderContent(withResult(result));

    const owner = await screen.findByRole('button', {
      name: /Title of owner-set/,
    });
    expect(owner).toHaveAttribute('aria-expanded', 'false');
    expect(owner).toHaveTextContent('Passing');

    owner.focus();
    await userEvent.keyboard('{Enter}');

    expect(owner).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText(/catalog\.owner/).closest('li')).toHaveTextContent(
      '= group:default/team-a',
    );
  });

  it('names the template without a link when the app has no scaffolder route', async () => {
    await renderContent(withResult(result));

    expect(
      await screen.findByText(
        'Scaffolder template: template:default/add-pagerduty',
      ),
    ).toBeInTheDocument();
  });

  it('shows the history of the scorecard as a chart and the changes with their causes', async () => {
    await renderContent(withResult(result));

    const section = await screen.findByRole('region', {
      name: 'History of Production Readiness',
    });
    const chart = await within(section).findByRole('img');
    expect(chart).toHaveAccessibleName(
      expect.stringMatching(
        /^Production Readiness score and level over time: from 40 \(No level\) on .+ to 60 \(Bronze\) on .+\.$/,
      ),
    );
    const rows = within(section).getAllByRole('row');
    // A header, and the two changes of this scorecard, newest first.
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('40 → 60');
    expect(rows[1]).toHaveTextContent('No level → Bronze');
    expect(rows[1]).toHaveTextContent('New facts were observed');
    expect(rows[1]).toHaveTextContent('Title of owner-set: Failing → Passing');
    expect(rows[2]).toHaveTextContent('First evaluation');
    expect(rows[2]).toHaveTextContent('40');
  });

  it('says so when there is no history yet', async () => {
    await renderContent({
      ...withResult(result),
      getEntityHistory: async () => ({ entityRef: 'x', changes: [] }),
    });
    expect(
      await screen.findByText('No change has been recorded yet.'),
    ).toBeInTheDocument();
  });

  it('shows an error in the history alone when it cannot be loaded', async () => {
    const error = await responseError(500, 'Database is down');
    await renderContent({
      ...withResult(result),
      getEntityHistory: () => Promise.reject(error),
    });

    expect(
      await screen.findByText(/Could not load the history/),
    ).toBeInTheDocument();
    expect(screen.getByText('Level: Bronze')).toBeInTheDocument();
  });

  it('offers no refresh without the permission', async () => {
    await renderContent(withResult(result));

    await screen.findByText('Level: Bronze');
    expect(
      screen.queryByRole('button', { name: 'Refresh now' }),
    ).not.toBeInTheDocument();
  });

  it('refreshes on demand with the permission and shows the new results', async () => {
    const api = await renderContent(
      {
        ...withResult(result),
        refreshEntityReadiness: async () =>
          readiness([{ ...result, score: 80, level: 'silver' }]),
      },
      { allowRefresh: true },
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Refresh now' }),
    );

    expect(await screen.findByText('Level: Silver')).toBeInTheDocument();
    expect(api.refreshEntityReadiness).toHaveBeenCalledWith(
      'component:default/refreshable',
    );
    await waitFor(() => expect(api.getEntityHistory).toHaveBeenCalledTimes(2));
  });

  it('says why a refresh failed', async () => {
    const error = await responseError(403, 'Not allowed to refresh');
    await renderContent(
      {
        ...withResult(result),
        refreshEntityReadiness: () => Promise.reject(error),
      },
      { allowRefresh: true },
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Refresh now' }),
    );

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not refresh the readiness scores');
    expect(alert).toHaveTextContent('Not allowed to refresh');
    expect(screen.getByText('Level: Bronze')).toBeInTheDocument();
  });

  it('shows the overdue campaign items above the scorecards', async () => {
    const today = dayOf(new Date());
    await renderContent(
      withResult({
        ...result,
        campaigns: [
          {
            campaign: 'on-call-everywhere',
            title: 'On-call everywhere',
            startsAt: addDays(today, -40),
            dueAt: addDays(today, -2),
            met: false,
            openChecks: ['on-call'],
          },
        ],
      }),
    );

    const campaigns = await screen.findByRole('region', { name: 'Campaigns' });
    expect(
      within(campaigns).getByRole('heading', { level: 2 }),
    ).toHaveTextContent('Campaigns');
    expect(within(campaigns).getByRole('listitem')).toHaveTextContent(
      'OverdueOn-call everywhere, ended 2 days ago: Title of on-call',
    );
  });
});
