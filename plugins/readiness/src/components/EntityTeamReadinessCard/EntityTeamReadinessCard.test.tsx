import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  entity,
  responseError,
  scorecardDetails,
  scorecardOverview,
} from '../../__testUtils__/fixtures';
import {
  mockReadinessApi,
  pending,
} from '../../__testUtils__/mockReadinessApi';
import { renderInReadinessTestApp } from '../../__testUtils__/renderInReadinessTestApp';
import { teamReadiness } from '../../__testUtils__/teamFixtures';
import { ReadinessApi } from '../../api';
import { EntityTeamReadinessCard } from './EntityTeamReadinessCard';

const details = scorecardDetails();
details.definition.checks = [
  { id: 'slos', title: 'Has SLOs' },
  { id: 'alerting', title: 'Has alerting' },
] as typeof details.definition.checks;

async function renderCard(methods: Partial<ReadinessApi> = {}) {
  const api = mockReadinessApi({
    getScorecards: async () => ({
      items: [scorecardOverview()],
      problems: [],
    }),
    getScorecard: async () => details,
    getTeamReadiness: async () => teamReadiness(),
    ...methods,
  });
  await renderInReadinessTestApp(<EntityTeamReadinessCard />, {
    readinessApi: api,
    entity: entity('Group', 'team-a'),
  });
  return api;
}

describe('EntityTeamReadinessCard', () => {
  it('shows progress while loading', async () => {
    await renderCard({ getTeamReadiness: pending });

    expect(
      await screen.findByRole('progressbar', { name: 'Loading' }),
    ).toBeInTheDocument();
  });

  it("sums up the group's entities with those of the groups under it", async () => {
    const api = await renderCard();

    expect(
      await screen.findByText('3 entities, average score 62'),
    ).toBeInTheDocument();
    expect(api.getTeamReadiness).toHaveBeenCalledWith(
      'group:default/team-a',
      'production-readiness',
    );
    expect(screen.getByText(/\+7 since/)).toBeInTheDocument();
    expect(
      screen.getByText('No level: 1 · Bronze: 1 · Silver: 0 · Gold: 1'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Counts the entities of 1 group under it.'),
    ).toBeInTheDocument();
    // No select for a single scorecard.
    expect(
      screen.queryByRole('button', { name: /Scorecard/ }),
    ).not.toBeInTheDocument();
  });

  it('lists the campaign items due, linked to the campaign, with the check titles', async () => {
    await renderCard();

    const item = (
      await screen.findByRole('link', { name: 'SLOs everywhere' })
    ).closest('li')!;
    expect(item).toHaveTextContent(
      'SLOs everywhere, due in 12 days: 2 entities — Has SLOs, Has alerting',
    );
    expect(
      within(item).getByRole('link', { name: 'SLOs everywhere' }),
    ).toHaveAttribute('href', '/readiness/campaigns/slo-everywhere');
  });

  it("lists the week's level drops and the entities, lowest score first, linked to their Readiness tab", async () => {
    await renderCard();

    const drops = (
      await screen.findByRole('heading', { name: 'Level drops this week' })
    ).parentElement!;
    expect(drops).toHaveTextContent('checkout: Silver → Bronze, 2 days ago');

    const rows = screen.getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(rows[1]).toHaveTextContent('cart');
    expect(rows[1]).toHaveTextContent('No level');
    expect(rows[1]).toHaveTextContent('25');
    expect(rows[1]).toHaveTextContent('team-a-web');
    expect(within(rows[1]).getByRole('link', { name: /cart/ })).toHaveAttribute(
      'href',
      '/catalog/default/component/cart/readiness',
    );
  });

  it('says when only the lowest scores are listed and deeper groups were left out', async () => {
    await renderCard({
      getTeamReadiness: async () =>
        teamReadiness({ entities: 250, groupsTruncated: true }),
    });

    expect(
      await screen.findByText('The 3 lowest scores of 250.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'More groups lie under it: the 2 nearest are counted, the deeper ones left out.',
      ),
    ).toBeInTheDocument();
  });

  it('offers the scorecards when there are several', async () => {
    const api = await renderCard({
      getScorecards: async () => ({
        items: [
          scorecardOverview(),
          scorecardOverview({ id: 'api-quality', title: 'API Quality' }),
        ],
        problems: [],
      }),
    });
    await screen.findByText('3 entities, average score 62');

    await userEvent.click(screen.getByRole('button', { name: /Scorecard/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'API Quality' }),
    );

    await waitFor(() =>
      expect(api.getTeamReadiness).toHaveBeenLastCalledWith(
        'group:default/team-a',
        'api-quality',
      ),
    );
  });

  it('says so when nothing of the group is scored', async () => {
    await renderCard({
      getTeamReadiness: async () =>
        teamReadiness({
          entities: 0,
          averageScore: null,
          levelCounts: {},
          members: [],
          due: [],
          regressions: [],
        }),
    });

    expect(
      await screen.findByText(
        'No entity of this group, or of the groups under it, is scored on this scorecard.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows what failed', async () => {
    const error = await responseError(404, 'No group group:default/team-a');
    await renderCard({ getTeamReadiness: () => Promise.reject(error) });

    expect(
      await screen.findByText(
        /Could not load the readiness of group:default\/team-a/,
      ),
    ).toBeInTheDocument();
  });
});
